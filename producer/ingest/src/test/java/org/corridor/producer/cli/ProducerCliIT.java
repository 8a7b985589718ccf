package org.corridor.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.corridor.producer.ingest.TestServices;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code ProducerCli import}, the documented way to run the bulk import from the ingest jar, against the real
 * registry server and a broker. (The import's rules are bulk-import's {@code BulkImportIT}.)
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProducerCliIT {

    @TempDir
    Path dir;

    private static String importFile(TestKafka kafka, String registryUrl, Path file) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ProducerCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute("import", "--agency", "ge-police", "--agency-country", "GE", "--no-progress",
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registryUrl, file.toString());
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    void importPublishesThroughTheRealRegistryAndARerunPublishesNothing(TestKafka kafka) throws Exception {
        String alert = "{\"kind\":\"NPS_DETECTION\",\"occurredOn\":\"2026-11-02\",\"summary\":\"New synthetic cathinone\","
                + "\"substances\":[{\"name\":\"3-CMC\",\"category\":\"NPS\"}],\"route\":{\"eventCountry\":\"GE\"},"
                + "\"handling\":{\"tlp\":\"GREEN\"}}";
        Path file = Files.writeString(dir.resolve("alerts.jsonl"), alert + "\n" + alert.replace("3-CMC", "2-MMC") + "\n");
        try (ConfigurableApplicationContext registry = TestServices.registry(kafka.bootstrapServers(), "_schemas-cli-it")) {
            String first = importFile(kafka, TestServices.url(registry), file);
            assertThat(first).containsPattern("published: +2\n").containsPattern("rejected: +0");
            assertThat(kafka.readAll("alerts.in.ge-police")).hasSize(2);

            String second = importFile(kafka, TestServices.url(registry), file);
            assertThat(second).containsPattern("published: +0\n").containsPattern("already published: +2\n");
            assertThat(kafka.readAll("alerts.in.ge-police")).hasSize(2);
        }
    }
}

package org.corridor.producer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.corridor.producer.publish.RegistryServer;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The import command against a real broker and the real registry server ({@link RegistryServer}). The same command
 * behind the ingest jar's {@code ProducerCli import} is ingest's {@code ProducerCliIT}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BulkImportIT {

    static RegistryServer registry;
    static TestKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(TestKafka broker) {
        kafka = broker;
        registry = RegistryServer.start(broker, "_schemas-bulk-it");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    record Run(int exit, String out) {
    }

    private Run importFile(String agency, String country, Path file) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ImportCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute("--agency", agency, "--agency-country", country, "--no-progress",
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                file.toString());
        return new Run(exit, out.toString());
    }

    private static Path writeCsv(Path file, int rows, Set<Integer> badRows) throws IOException {
        StringBuilder csv = new StringBuilder("id,kind,priority,occurred_on,event_country,origin_country,transit_countries,"
                + "destination_country,place,transport_mode,substances,summary,tlp,handling_code,addressed_to\n");
        for (int i = 1; i <= rows; i++) {
            String country = badRows.contains(i) && i % 3 == 0 ? "XX" : "MK";
            String substances = badRows.contains(i) && i % 3 == 1 ? "heroin:-5:KG" : "heroin:" + (1 + i % 500) + ".5:KG;acetic anhydride:20:L";
            String summary = badRows.contains(i) && i % 3 == 2 ? "" : "Seizure " + i + " at Tabanovce";
            csv.append("MK-2026-").append(i).append(",SEIZURE,ROUTINE,2026-10-").append(10 + i % 18).append(',')
                    .append(country).append(",AF,TR;BG;RS,DE,Tabanovce,ROAD,\"").append(substances).append("\",")
                    .append(summary).append(",GREEN,H0,SELEC\n");
        }
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void fiftyThousandRowsWithThreeBadOnesThenARerunPublishesNothing() throws IOException {
        Path file = writeCsv(dir.resolve("seizures.csv"), 50_000, Set.of(1_000, 25_001, 49_998));
        String topic = "alerts.in.mk-customs";

        Run first = importFile("mk-customs", "MK", file);
        assertThat(first.exit()).as(first.out()).isEqualTo(1);
        assertThat(first.out()).containsPattern("rows read: +50,000\n").containsPattern("published: +49,997\n")
                .containsPattern("rejected: +3 ");
        List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic);
        assertThat(records).hasSize(49_997);
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).hasSize(49_997);

        List<String> rejected = Files.readAllLines(dir.resolve("seizures.csv.rejected.csv"));
        assertThat(rejected).hasSize(4);
        assertThat(rejected.get(0)).endsWith(",row,reason");
        assertThat(rejected.get(1)).startsWith("MK-2026-1000,").contains(",1000,").contains("substances[0].quantity.amount: must be greater than 0");
        assertThat(rejected.get(2)).startsWith("MK-2026-25001,").contains(",25001,").contains("summary: must not be blank");
        assertThat(rejected.get(3)).startsWith("MK-2026-49998,").contains(",49998,")
                .endsWith(",\"route.eventCountry: \"\"XX\"\" is not an ISO 3166-1 alpha-2 code\"");

        Run second = importFile("mk-customs", "MK", file);
        assertThat(second.out()).containsPattern("published: +0\n").containsPattern("already published: +49,997\n");
        assertThat(kafka.readAll(topic)).hasSize(49_997);
    }

    @Test
    void jsonLinesAreImportedWithTheSameRules() throws IOException {
        Path file = dir.resolve("alerts.jsonl");
        String good = "{\"kind\":\"NPS_DETECTION\",\"occurredOn\":\"2026-11-02\",\"summary\":\"New synthetic cathinone\","
                + "\"substances\":[{\"name\":\"3-CMC\",\"category\":\"NPS\"}],\"route\":{\"eventCountry\":\"BA\"},"
                + "\"handling\":{\"tlp\":\"GREEN\"}}";
        Files.writeString(file, good + "\n\n" + good.replace("3-CMC", "2-MMC") + "\n"
                + good.replace("\"BA\"", "\"Bosnia\"") + "\n" + "{not json\n"
                + good.replace("{\"kind\"", "{\"originAgency\":{\"agencyId\":\"rs-police\"},\"kind\"") + "\n");
        Run run = importFile("ba-police", "BA", file);
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("published: +2\n").containsPattern("rejected: +3 ")
                .contains("row 4: route.eventCountry: \"Bosnia\" is not an ISO 3166-1 alpha-2 code")
                .contains("row 5: body: malformed JSON")
                .contains("row 6: originAgency.agencyId: \"rs-police\" is not the importing agency ba-police");
        List<ConsumerRecord<String, byte[]>> records = kafka.readAll("alerts.in.ba-police");
        Set<String> keys = new HashSet<>(records.stream().map(ConsumerRecord::key).toList());
        assertThat(keys).hasSize(2);
        assertThat(records.stream().map(registry::decodeAlert).toList()).as("decoded with the schema the registry holds")
                .allSatisfy(alert -> assertThat(alert.getOriginAgency().getAgencyId().toString()).isEqualTo("ba-police"))
                .extracting(alert -> alert.getSubstances().get(0).getName().toString()).containsExactlyInAnyOrder("3-CMC", "2-MMC");
        assertThat(importFile("ba-police", "BA", file).out()).containsPattern("already published: +2\n");
    }

    @Test
    void missingRequiredColumnIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "kind,summary\nSEIZURE,x\n");
        Run run = importFile("mk-customs", "MK", file);
        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("lacks the required column(s) [event_country, occurred_on, tlp]");
    }
}

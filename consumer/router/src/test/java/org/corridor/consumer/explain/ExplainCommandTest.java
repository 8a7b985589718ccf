package org.corridor.consumer.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExplainCommandTest {

    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ExplainCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute(args)).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    void printsRecipientsAndReasons() throws Exception {
        Path alert = Files.writeString(dir.resolve("a.json"), "{\"kind\":\"SEIZURE\",\"occurredOn\":\"2026-11-01\","
                + "\"summary\":\"cocaine in Antwerp\",\"substances\":[{\"name\":\"cocaine\",\"category\":\"COCAINE\"}],"
                + "\"route\":{\"eventCountry\":\"BE\",\"originCountry\":\"EC\"},\"handling\":{\"tlp\":\"GREEN\",\"notReleasableTo\":[\"OSCE\"]}}");
        String out = run(0, alert.toString());
        assertThat(out).contains("EUROPOL     yes       rules: europol-eu-route")
                .contains("INTERPOL    yes       rules: interpol-cross-border")
                .contains("UNODC       yes       rules: unodc-seizures")
                .contains("OSCE        no        NOT_RELEASABLE: the originator marked it not releasable to OSCE")
                .contains("SELEC       no        NOT_CONCERNED");
        assertThat(run(0, "--json", alert.toString())).contains("\"recipients\" : [ \"EUROPOL\", \"INTERPOL\", \"UNODC\" ]");
    }

    @Test
    void invalidAlertIsReportedByField() throws Exception {
        Path alert = Files.writeString(dir.resolve("b.json"), "{\"kind\":\"SEIZURE\",\"occurredOn\":\"2026-11-01\",\"summary\":\"x\","
                + "\"substances\":[],\"route\":{\"eventCountry\":\"ZZ\"},\"handling\":{\"tlp\":\"RED\"}}");
        assertThat(run(1, alert.toString())).contains("route.eventCountry: \"ZZ\" is not an ISO 3166-1 alpha-2 code")
                .contains("handling.addressedTo: TLP:RED needs at least one addressee")
                .contains("substances: a SEIZURE alert needs at least one substance");
    }
}

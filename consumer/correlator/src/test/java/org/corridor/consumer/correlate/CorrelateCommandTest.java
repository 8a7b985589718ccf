package org.corridor.consumer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code correlate explain} on the documented example pair (docs/examples): the Tajik seizure and the Kazakh customs'
 * report of the same truck are linked; the bodies that hold both get the hit, each originator a blind notice.
 */
class CorrelateCommandTest {

    private static final Path EXAMPLES = Path.of("..", "..", "docs", "examples");

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new CorrelateCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return exit + "\n" + out + err;
    }

    @Test
    void theDocumentedPairIsLinkedAndEachPartyLearnsWhatItMay() {
        String out = run("explain", EXAMPLES.resolve("heroin-tj-drug-control.json").toString(),
                EXAMPLES.resolve("heroin-kz-customs.json").toString());
        System.out.println(out);
        assertThat(out).startsWith("0\n");
        assertThat(out).contains("Linked (EVENT, score ").contains("substance:OPIATE:heroin  quantity:2%  countries:AF,KZ,RU,TJ  days:1");
        assertThat(out).contains("Hit to the bodies that hold both: CARICC, CICA, CIS, CSTO, INTERPOL, PARIS_PACT, SCO\n");
        assertThat(out).as("OSCE is excluded by the Tajik alert").doesNotContain("OSCE");
        assertThat(out).contains("Blind notice to tj-drug-control about its tj-drug-control/")
                .contains("Blind notice to kz-customs about its kz-customs/");
    }

    @Test
    void aRedAlertGetsNoNoticeSentAboutItAndInvalidFilesAreNamedByAlertAndPath(@TempDir Path dir) throws Exception {
        Path red = dir.resolve("red.json");
        Files.writeString(red, Files.readString(EXAMPLES.resolve("heroin-kz-customs.json"))
                .replace("\"tlp\": \"AMBER\", \"handlingCode\": \"H1\", \"addressedTo\": []",
                        "\"tlp\": \"RED\", \"handlingCode\": \"H1\", \"addressedTo\": [\"CARICC\"]"));
        String out = run("explain", EXAMPLES.resolve("heroin-tj-drug-control.json").toString(), red.toString());
        assertThat(out).startsWith("0\n");
        assertThat(out).contains("No notice to tj-drug-control: RED").contains("Hit to the bodies that hold both: CARICC");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"kind\":\"SEIZURE\",\"identifiers\":{\"containers\":[\"CSQU3054384\"]}}");
        String invalid = run("explain", bad.toString(), EXAMPLES.resolve("heroin-kz-customs.json").toString());
        assertThat(invalid).startsWith("1\n").contains("a.identifiers.containers[0]").contains("check digit should be 3");
    }

    @Test
    void aMissingFileADirectoryOrABadWindowIsNamedInOneLineWithoutAStackTrace(@TempDir Path dir) throws Exception {
        String kz = EXAMPLES.resolve("heroin-kz-customs.json").toString();
        String missing = run("explain", dir.resolve("nope.json").toString(), kz);
        assertThat(missing).startsWith("2\n").contains("nope.json: no such file").doesNotContain("Exception").doesNotContain("\tat ");
        String directory = run("explain", kz, dir.toString());
        assertThat(directory).startsWith("2\n").contains("is a directory, not an alert's JSON file").doesNotContain("\tat ");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertThat(run("explain", latin1.toString(), kz)).startsWith("2\n").contains("is not UTF-8 text");
        String window = run("explain", "--window-days", "-1", kz, kz);
        assertThat(window).startsWith("2\n").contains("--window-days: windowDays must be between 0 and 3660, was -1");
    }
}

package org.corridor.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.corridor.producer.rest.AgencyTokens;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code corridor-producer token|import} as an operator types it, without a broker. */
class ProducerCliTest {

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ProducerCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return new Run(cli.execute(args), out.toString());
    }

    @Test
    void tokenPrintsANewTokenOnceAndTheHashToConfigure() {
        Run run = run("token", "--agency", "kz-customs");
        assertThat(run.exit()).as(run.out()).isZero();
        Matcher token = Pattern.compile("token \\(shown once, give it to kz-customs\\): (\\S+)\n").matcher(run.out());
        assertThat(token.find()).as(run.out()).isTrue();
        assertThat(run.out()).contains("corridor.ingest.agencies[n].id=kz-customs\n")
                .contains("corridor.ingest.agencies[n].token-sha256=" + AgencyTokens.hash(token.group(1)) + "\n")
                .doesNotContain("token-sha256=" + token.group(1));
        assertThat(run("token", "--agency", "kz-customs").out()).as("a new token each time").doesNotContain(token.group(1));
    }

    @Test
    void importIsASubcommandWithItsRequiredOptions() {
        Run run = run("import", "alerts.csv");
        assertThat(run.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.out()).contains("Missing required options").contains("--agency").contains("--agency-country");
    }

    @Test
    void tokenWithoutAnAgencyIsAUsageError() {
        Run run = run("token");
        assertThat(run.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.out()).contains("Missing required option: '--agency=<agency>'");
    }
}

package org.corridor.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad arguments stop the command before it touches a broker, with the option named. */
class HistoryCommandOptionsTest {

    @Test
    void defaults() {
        HistoryCommand c = new HistoryCommand();
        new CommandLine(c).parseArgs("10");
        assertThat(c.alerts).isEqualTo(10);
        assertThat(c.receiptBodies).isEqualTo(2);
        assertThat(c.templates).isEqualTo(4096);
        assertThat(c.noProgress).isFalse();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThat(refusal("0")).contains("N: 0 alerts; must be at least 1");
        assertThat(refusal("10", "--receipt-bodies", "14")).contains("--receipt-bodies 14: must be 0 to 13");
        assertThat(refusal("10", "--templates", "0")).contains("--templates 0: must be 1 to 1,000,000");
        assertThat(refusal("10", "--timeout", "0")).contains("--timeout 0: must be at least 1 second");
    }

    private static String refusal(String... args) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new HistoryCommand()).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).isEqualTo(2);
        return err.toString();
    }
}

package org.corridor.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SoakCommandOptionsTest {

    @Test
    void samplesTheHeapAt300kAnd900kWithinTenPercentByDefault() {
        SoakCommand c = new SoakCommand();
        new CommandLine(c).parseArgs();
        assertThat(c.heapAt).containsExactly(300_000L, 900_000L);
        assertThat(c.heapTolerance).isEqualTo(0.10);
        new CommandLine(c).parseArgs("--heap-at", "20000,55000", "--heap-tolerance", "0.2");
        assertThat(c.heapAt).containsExactly(20_000L, 55_000L);
    }

    @Test
    void badHeapOptionsAreNamedBeforeAnythingStarts() {
        assertThat(refusal("--heap-at", "900000,300000")).contains("--heap-at [900000, 300000]: counts must be at least 1 and increasing");
        assertThat(refusal("--heap-tolerance", "0")).contains("--heap-tolerance 0.0: must be a fraction above 0 and at most 1");
        assertThat(refusal("--heap-tolerance", "10")).contains("--heap-tolerance 10.0");
    }

    private static String refusal(String... args) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new SoakCommand()).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).isEqualTo(2);
        return err.toString();
    }
}

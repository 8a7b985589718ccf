package org.corridor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadCommandOptionsTest {

    @Test
    void sinksAndProgressAreOnUnlessTurnedOff() {
        LoadCommand defaults = new LoadCommand();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.noSinks).isFalse();
        assertThat(defaults.noFeeds).isFalse();
        assertThat(defaults.noProgress).isFalse();
        assertThat(defaults.batchSize).isEqualTo(100);

        LoadCommand off = new LoadCommand();
        new CommandLine(off).parseArgs("--no-sinks", "--no-feeds", "--no-progress", "--mode", "rest-batch", "--batch-size", "500");
        assertThat(off.noSinks).isTrue();
        assertThat(off.noFeeds).isTrue();
        assertThat(off.noProgress).isTrue();
        assertThat(off.mode).isEqualTo("rest-batch");
        assertThat(off.batchSize).isEqualTo(500);
    }
}

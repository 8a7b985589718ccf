package org.corridor.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FatalStopTest {

    @TempDir
    Path dir;

    @Test
    void namesTheStatusKafkasMessageAndEachLogDirectoryWithItsFreeSpace() {
        String text = FatalStop.describe("halted", 1, "log dirs failed", Set.of(dir.resolve("kraft")));
        assertThat(text).startsWith("corridor: Kafka halted this process (status 1: log dirs failed).")
                .contains("Log directory " + dir.resolve("kraft").toAbsolutePath() + ": ")
                .containsPattern(" free of [0-9.]+ [KMGT]iB");
    }

    @Test
    void withoutAMessageStillSaysWhatStopped() {
        assertThat(FatalStop.describe("stopped", 3, null, Set.of())).isEqualTo(
                "corridor: Kafka stopped this process (status 3). The broker's log above says which directory failed and why.");
    }

    @Test
    void sizesAreHumanReadable() {
        assertThat(FatalStop.bytes(0)).isEqualTo("0 B");
        assertThat(FatalStop.bytes(1023)).isEqualTo("1023 B");
        assertThat(FatalStop.bytes(48L << 20)).isEqualTo("48.0 MiB");
        assertThat(FatalStop.bytes(3L << 30)).isEqualTo("3.0 GiB");
    }
}

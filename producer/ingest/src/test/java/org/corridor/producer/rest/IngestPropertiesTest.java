package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTest {

    private static IngestProperties with(AgencyAccount... agencies) {
        return withStateDir(null, agencies);
    }

    private static IngestProperties withStateDir(Path stateDir, AgencyAccount... agencies) {
        return new IngestProperties(List.of(agencies), "http://localhost:8081", DataSize.ofKilobytes(256), Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofHours(24), 3, (short) 1, 1000, 500, DataSize.ofMegabytes(8), stateDir, 8, 1000,
                new IngestProperties.QuestionDueTimes(Duration.ofHours(4), Duration.ofHours(24), Duration.ofHours(72)),
                Duration.ofSeconds(30), Duration.ofDays(14), Duration.ofSeconds(60), "file", Path.of("./data/inboxes"),
                java.util.Map.of(), Duration.ofMillis(500));
    }

    private static AgencyAccount agency(String id, char token) {
        return new AgencyAccount(id, "KZ", id, String.valueOf(token).repeat(64), null);
    }

    @Test
    void twoAgenciesWithOneTokenStopTheStartNamingBoth() {
        assertThatThrownBy(() -> with(agency("kz-customs", 'a'), agency("tj-drug-control", 'a')))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corridor.ingest.agencies: agencies kz-customs and tj-drug-control have the same token"
                        + " (token-sha256): each agency needs a token of its own");
    }

    @Test
    void anAgencyListedTwiceStopsTheStart() {
        assertThatThrownBy(() -> with(agency("kz-customs", 'a'), agency("kz-customs", 'b')))
                .hasMessage("corridor.ingest.agencies: agency kz-customs is listed twice");
    }

    @Test
    void aStateDirThatIsAFileStopsTheStartNamingTheKey(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("state"));
        assertThatThrownBy(() -> withStateDir(file, agency("kz-customs", 'a')))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corridor.ingest.state-dir: " + file + " is a file; give a directory (created if missing)"
                        + " or leave it unset for temporary ones");
        assertThatCode(() -> withStateDir(dir.resolve("not-yet"), agency("kz-customs", 'a'))).doesNotThrowAnyException();
    }

    @Test
    void distinctTokensStart() {
        assertThatCode(() -> with(agency("kz-customs", 'a'), agency("tj-drug-control", 'b'))).doesNotThrowAnyException();
    }
}

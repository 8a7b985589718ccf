package org.corridor.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FanoutResultTest {

    @Test
    void ratesAreCopiesSeenOverFirstPollToLastCopySeen() {
        // 1,000 inbound records, 4,700 copies, first poll at t = 1 s, last commit at 2.5 s, last copy seen at 3 s
        FanoutPipeline.Run run = new FanoutPipeline.Run(1_000, 4_700, 2_000, 4, 1_000_000_000L, 2_500_000_000L);
        FanoutResult r = FanoutResult.of(run, 4_700, 3_000_000_000L, 4.7, 420, 30, RouterClientSettings.from(Map.of()));
        assertThat(r.seconds()).isEqualTo(2.0);
        assertThat(r.feedRecordsPerSecond()).isEqualTo(2_350.0);
        assertThat(r.inboundRecordsPerSecond()).isEqualTo(500.0);
        assertThat(r.recordsPerTransaction()).isEqualTo(250.0);
    }

    @Test
    void jsonNamesTheFiguresBenchRunShReads() {
        FanoutPipeline.Run run = new FanoutPipeline.Run(10, 47, 20, 1, 0, 1_000_000_000L);
        JsonNode json = JsonMapper.shared().readTree(FanoutResult.of(run, 47, 0, 4.7, 420, 30,
                RouterClientSettings.from(Map.of())).toJson());
        assertThat(json.get("feedRecordsPerSecond").asDouble()).isEqualTo(47.0);
        assertThat(json.get("feedCopies").asLong()).isEqualTo(47);
        assertThat(json.get("copiesPerRecord").asDouble()).isEqualTo(4.7);
        assertThat(json.get("maxPollRecords").asInt()).isEqualTo(500);
        assertThat(json.get("lingerMs").asLong()).isEqualTo(5);
    }
}

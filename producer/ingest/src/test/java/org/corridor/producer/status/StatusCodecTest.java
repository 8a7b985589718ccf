package org.corridor.producer.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StatusCodecTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00.123Z");

    private static AlertStatus everyFactSet() {
        AlertStatus status = new AlertStatus("e1975a55-0000-4000-8000-000000000001", "tj-drug-control");
        status.latestVersion = 3;
        status.applied.put("alerts.audit/2", 41L);
        status.applied.put("alerts.receipts/0", 7L);
        AlertStatus.BodyState s = new AlertStatus.BodyState();
        s.routedVersion = 3;
        s.routedAt = AT;
        s.deliveredVersion = 2;
        s.deliveredAt = AT.plusSeconds(1);
        s.acknowledgedAt = AT.plusSeconds(2);
        s.parkedVersion = 1;
        s.parkedAt = AT.plusSeconds(3);
        s.parkedError = "HTTP 503 \"busy\"";
        s.escalatedAt = AT.plusSeconds(4);
        s.failedAttempts = 5;
        s.withheldVersion = 1;
        s.withheldReason = "TLP_RED_NOT_ADDRESSED";
        s.withheldDetail = "TLP:RED goes only to its addressees";
        s.outcome = "SEIZED";
        s.outcomeAt = AT.plusSeconds(5);
        s.openQuestions.put("9b2e4c1a-7d3f-4e8a-b5c6-1d2e3f4a5b60", AT.plusSeconds(3600));
        s.openQuestions.put("c4d5e6f7-0a1b-4c2d-8e3f-405162738495", AT.plusSeconds(7200));
        status.bodies.put("UNODC", s);
        status.answered.add("5e6f7081-92a3-4b4c-9d5e-6f708192a3b4");
        status.released = new ReleasedMarkings(3, "AMBER", "H3", java.util.List.of("CARICC"), null,
                java.util.List.of("OSCE", "CSTO"), "not for court; not before 1 December");
        AlertStatus.BodyState routed = new AlertStatus.BodyState();
        routed.routedVersion = 1;
        routed.routedAt = AT;
        status.bodies.put("OSCE", routed);
        return status;
    }

    @Test
    void everyFactAndThePositionsComeBackAsTheyWere() {
        AlertStatus status = everyFactSet();
        AlertStatus back = StatusCodec.decode(StatusCodec.encode(status));
        JsonMapper json = JsonMapper.builder().build();
        assertThat(back.toJson(json)).isEqualTo(status.toJson(json));
        assertThat(back.applied).containsExactlyEntriesOf(status.applied);
        AlertStatus.BodyState s = back.bodies.get("UNODC");
        assertThat(s.parkedVersion).isEqualTo(1);
        assertThat(s.deliveredVersion).isEqualTo(2);
        assertThat(s.withheldReason).isEqualTo("TLP_RED_NOT_ADDRESSED");
        assertThat(s.escalatedAt).isEqualTo(AT.plusSeconds(4));
        assertThat(s.outcome).isEqualTo("SEIZED");
        assertThat(s.outcomeAt).isEqualTo(AT.plusSeconds(5));
        assertThat(s.openQuestions).containsExactly(java.util.Map.entry("9b2e4c1a-7d3f-4e8a-b5c6-1d2e3f4a5b60", AT.plusSeconds(3600)),
                java.util.Map.entry("c4d5e6f7-0a1b-4c2d-8e3f-405162738495", AT.plusSeconds(7200)));
        assertThat(back.answered).containsExactly("5e6f7081-92a3-4b4c-9d5e-6f708192a3b4");
        assertThat(back.released).isEqualTo(status.released);
        AlertStatus none = everyFactSet();
        none.released = new ReleasedMarkings(1, "RED", "H2", java.util.List.of(), java.util.List.of(), java.util.List.of(), null);
        assertThat(StatusCodec.decode(StatusCodec.encode(none)).released.releasableTo()).as("released to nobody").isEmpty();
        assertThat(back.bodies.get("OSCE").parkedError).isNull();
        assertThat(back.bodies.get("OSCE").acknowledgedAt).isNull();
    }

    @Test
    void aBodyWithNoFactsComesBackWithNone() {
        AlertStatus status = new AlertStatus("e1975a55-0000-4000-8000-000000000001", "kz-customs");
        status.bodies.put("OSCE", new AlertStatus.BodyState());
        byte[] bytes = StatusCodec.encode(status);
        AlertStatus back = StatusCodec.decode(bytes);
        JsonMapper json = JsonMapper.builder().build();
        assertThat(back.toJson(json)).isEqualTo(status.toJson(json));
        // mark, two texts, latest version, no positions, one body: its name and an empty mask; no answered question, no
        // released markings
        assertThat(bytes).hasSize(1 + (4 + 36) + (4 + 10) + 4 + 4 + 4 + (4 + 4) + 2 + 4 + 4);
    }

    @Test
    void textsKeepEveryCharacter() {
        AlertStatus status = everyFactSet();
        status.bodies.get("UNODC").parkedError = "отказ: сервер занят — 503";
        assertThat(StatusCodec.decode(StatusCodec.encode(status)).bodies.get("UNODC").parkedError)
                .isEqualTo("отказ: сервер занят — 503");
    }

    @Test
    void bytesThatAreNotAStatusAreRefused() {
        assertThatThrownBy(() -> StatusCodec.decode("{\"alertId\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format's mark");
        assertThatThrownBy(() -> StatusCodec.decode(new byte[] {0, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a stored alert status");
        byte[] whole = StatusCodec.encode(everyFactSet());
        for (int cut = 1; cut < whole.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> StatusCodec.decode(part)).as("cut at %d", cut)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a stored alert status");
        }
        byte[] longer = java.util.Arrays.copyOf(whole, whole.length + 1);
        assertThatThrownBy(() -> StatusCodec.decode(longer)).hasMessageContaining("after its end");
    }

    @Test
    void aStatusStoredBeforeResponsesWereRoutedStillReads() {
        AlertStatus status = everyFactSet();
        status.answered.clear();
        status.released = null;
        status.bodies.values().forEach(b -> b.openQuestions.clear());
        status.bodies.values().forEach(b -> {
            b.outcome = null;
            b.outcomeAt = null;
        });
        byte[] now = StatusCodec.encode(status);
        // The earlier layout: its own mark, no list of answered questions (an empty one is a count of 0) and no
        // released markings (an empty text is a length of 0).
        byte[] before = java.util.Arrays.copyOf(now, now.length - 8);
        before[0] = 0x53;
        JsonMapper json = JsonMapper.builder().build();
        assertThat(StatusCodec.decode(before).toJson(json)).isEqualTo(status.toJson(json));
    }
}

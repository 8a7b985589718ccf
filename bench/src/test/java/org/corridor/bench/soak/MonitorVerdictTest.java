package org.corridor.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class MonitorVerdictTest {

    private static JsonNode report(String groups, String topics, String problems) throws Exception {
        return JsonMapper.shared().readTree("{\"groups\":[" + groups + "],\"topics\":[" + topics + "],\"problems\":[" + problems + "]}");
    }

    private static String group(String name, String status) {
        return "{\"group\":\"" + name + "\",\"status\":\"" + status + "\",\"explanation\":\"why " + name + "\"}";
    }

    @Test
    void allGroupsOkAndTopicsReplicatedIsOk() throws Exception {
        MonitorVerdict v = MonitorVerdict.of(report(group("corridor-router", "OK") + "," + group("corridor-subscriber-osce", "OK"),
                "{\"name\":\"alerts.feed.osce\",\"offline\":0,\"underReplicated\":0}", ""));
        assertThat(v.level()).isEqualTo(MonitorVerdict.Level.OK);
        assertThat(v.reasons()).isEmpty();
    }

    @Test
    void aGroupFallingBehindIsOnlyAWarning() throws Exception {
        MonitorVerdict v = MonitorVerdict.of(report(group("corridor-router", "WARN"), "", ""));
        assertThat(v.level()).isEqualTo(MonitorVerdict.Level.WARN);
        assertThat(v.reasons()).containsExactly("group corridor-router WARN: why corridor-router");
    }

    @Test
    void stalledStoppedOrRewoundGroupsNeedAttention() throws Exception {
        for (String status : new String[] {"STALL", "STOP", "REWIND"}) {
            MonitorVerdict v = MonitorVerdict.of(report(group("a", "WARN") + "," + group("b", status), "", ""));
            assertThat(v.level()).as(status).isEqualTo(MonitorVerdict.Level.ATTENTION);
            assertThat(v.reasons()).hasSize(2);
        }
    }

    @Test
    void offlineOrUnderReplicatedPartitionsAndMonitorProblemsNeedAttention() throws Exception {
        assertThat(MonitorVerdict.of(report("", "{\"name\":\"t\",\"offline\":0,\"underReplicated\":2}", "")).reasons())
                .containsExactly("topic t: 0 offline, 2 under-replicated");
        assertThat(MonitorVerdict.of(report("", "{\"name\":\"t\",\"offline\":1,\"underReplicated\":0}", "")).level())
                .isEqualTo(MonitorVerdict.Level.ATTENTION);
        MonitorVerdict blind = MonitorVerdict.of(report("", "", "\"router metrics unreachable\""));
        assertThat(blind.level()).isEqualTo(MonitorVerdict.Level.ATTENTION);
        assertThat(blind.reasons()).containsExactly("monitor: router metrics unreachable");
    }
}

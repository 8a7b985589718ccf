package org.corridor.bench.soak;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What the monitor's report ({@code GET /api/v1/health}) says about the exchange, by the rule of
 * {@code ./corridor status}: ATTENTION when a group is STALL, STOP or REWIND, a partition is offline or
 * under-replicated, or the monitor could not read something; WARN when a group is only falling behind; OK otherwise.
 *
 * @param reasons one line per group or topic that is not OK
 */
public record MonitorVerdict(Level level, List<String> reasons) {

    public enum Level { OK, WARN, ATTENTION, UNREACHABLE }

    public static MonitorVerdict unreachable(String why) {
        return new MonitorVerdict(Level.UNREACHABLE, List.of(why));
    }

    public static MonitorVerdict of(JsonNode report) {
        List<String> reasons = new ArrayList<>();
        Level level = Level.OK;
        for (JsonNode g : report.path("groups")) {
            String status = g.path("status").asString();
            if (status.equals("OK")) {
                continue;
            }
            reasons.add("group " + g.path("group").asString() + " " + status + ": " + g.path("explanation").asString());
            level = max(level, status.equals("WARN") ? Level.WARN : Level.ATTENTION);
        }
        for (JsonNode t : report.path("topics")) {
            int offline = t.path("offline").asInt();
            int under = t.path("underReplicated").asInt();
            if (offline > 0 || under > 0) {
                reasons.add("topic " + t.path("name").asString() + ": " + offline + " offline, " + under + " under-replicated");
                level = Level.ATTENTION;
            }
        }
        for (JsonNode p : report.path("problems")) {
            reasons.add("monitor: " + p.asString());
            level = Level.ATTENTION;
        }
        return new MonitorVerdict(level, List.copyOf(reasons));
    }

    private static Level max(Level a, Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

package org.corridor.consumer.linking;

import java.util.Set;
import java.util.TreeSet;

import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Report;

/**
 * The blocking keys of a routed version: the only reports it is compared with are those sharing one. Each exact
 * identifier is a key ({@code id:<key>}); each substance with each route country and the event's period is one too
 * ({@code event:<substance>:<country>:<period>}, a substance with a CAS number under both the number and its name). Periods are {@code windowDays + 1} days long and a version is filed
 * under its own and the next, so two events at most {@code windowDays} apart always share one: the matcher links no
 * pair that shares none (an exact link needs a shared identifier, an event link a shared substance and country within
 * the window). A retraction has none: it leaves every key it was under. Pure.
 */
final class Blocks {

    private Blocks() {
    }

    static Set<String> of(Report r, MatchSettings settings) {
        Set<String> blocks = new TreeSet<>();
        if (r.retracted()) {
            return blocks;
        }
        r.keys().forEach(k -> blocks.add("id:" + k));
        if (r.occurredOn() == null) {
            return blocks;
        }
        long period = Math.floorDiv(r.occurredOn().toEpochDay(), settings.windowDays() + 1L);
        for (Report.Amount s : r.substances()) {
            // Under its CAS number and under its name: a report without the number shares the name's keys.
            for (String substance : new TreeSet<>(java.util.List.of(s.identity(), s.name()))) {
                for (String country : r.countries()) {
                    blocks.add("event:" + substance + ":" + country + ":" + period);
                    blocks.add("event:" + substance + ":" + country + ":" + (period + 1));
                }
            }
        }
        return blocks;
    }
}

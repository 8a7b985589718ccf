package org.corridor.consumer.linking;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Report;

/**
 * The blocking keys of a routed version: the only reports it is compared with are those sharing a key or, for event
 * keys, filed under a neighbouring period of the same key. Each exact identifier is a key ({@code id:<key>}); each
 * substance with each route country and the event's period is one too ({@code event:<substance>:<country>:<period>},
 * a substance with a CAS number under both the number and its name). Periods are {@code windowDays + 1} days long and
 * a version is compared with its own period and the two next to it, so two events at most {@code windowDays} apart
 * are always compared: the matcher links no pair that shares none (an exact link needs a shared identifier, an event
 * link a shared substance and country within the window). A retraction has none: it leaves every key it was under.
 * Keys are grouped in {@code shards}; a key's neighbours are in its shard. Pure.
 */
final class Blocks {

    private static final String EVENT = "event:";

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
            for (String substance : new TreeSet<>(List.of(s.identity(), s.name()))) {
                for (String country : r.countries()) {
                    blocks.add(EVENT + substance + ":" + country + ":" + period);
                }
            }
        }
        return blocks;
    }

    /** The keys whose reports a version under {@code block} is compared with: itself and, for an event, its periods' neighbours. */
    static List<String> compared(String block) {
        if (!block.startsWith(EVENT)) {
            return List.of(block);
        }
        int at = block.lastIndexOf(':');
        String family = block.substring(0, at + 1);
        long period = Long.parseLong(block.substring(at + 1));
        return List.of(family + (period - 1), block, family + (period + 1));
    }

    /**
     * The substance of an event key ({@code cas:<number>} or {@code <category>:<name>}), or null for an identifier's
     * key. A route country is two letters and a period a number, so the substance is what is left of the key.
     */
    static String substance(String block) {
        if (!block.startsWith(EVENT)) {
            return null;
        }
        int period = block.lastIndexOf(':');
        int country = period < 0 ? -1 : block.lastIndexOf(':', period - 1);
        return country <= EVENT.length() ? null : block.substring(EVENT.length(), country);
    }

    /** The shard of a key: every period of one event key is in the same shard, so its neighbours are read where it is. */
    static int shard(String block, int shards) {
        String family = block.startsWith(EVENT) ? block.substring(0, block.lastIndexOf(':')) : block;
        return Math.floorMod(family.hashCode(), shards);
    }
}

package org.corridor.consumer.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a report filed under one event key (a substance, a route country, a period) shows of itself: the day of its
 * event, its route countries and its amounts of that substance. Enough for {@link Matcher#mayLinkByEvent} to bound the
 * score of an event link with another report under the same key, without reading either report. Pure.
 *
 * @param day       the event's day ({@code occurredOn} as an epoch day)
 * @param countries every route country, sorted
 * @param amounts   the report's amounts of the key's substance (a null entry: an amount not reported)
 */
public record Footprint(long day, List<String> countries, List<Quantities.Measure> amounts) {

    public Footprint {
        countries = List.copyOf(new TreeSet<>(countries));
        amounts = java.util.Collections.unmodifiableList(new ArrayList<>(amounts));  // null entries kept
    }

    /**
     * The footprint of a report under a key of {@code substance} ({@code cas:<number>} or {@code <category>:<name>}):
     * the amounts of each of its substances that is that one by number or by name.
     */
    public static Footprint of(Report r, String substance) {
        List<Quantities.Measure> amounts = new ArrayList<>();
        for (Report.Amount a : r.substances()) {
            if (a.identity().equals(substance) || a.name().equals(substance)) {
                amounts.add(a.amount());
            }
        }
        return new Footprint(r.occurredOn().toEpochDay(), List.copyOf(r.countries()), amounts);
    }

    /** How many route countries the two share (both lists are sorted). */
    int sharedCountries(Footprint other) {
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < countries.size() && j < other.countries.size()) {
            int c = countries.get(i).compareTo(other.countries.get(j));
            if (c == 0) {
                shared++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }
}

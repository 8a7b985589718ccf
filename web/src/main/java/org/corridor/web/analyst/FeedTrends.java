package org.corridor.web.analyst;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Alerts per week of a feed over a period, by substance category and by route country: the top series of each (the
 * rest summed as "other"), as polylines for an SVG chart of fixed size, and the table behind it. Weeks start on
 * Monday and are counted by {@code occurredOn}. Pure.
 *
 * @param weeks       the Mondays of the period, in order
 * @param byCategory  series by substance category (an alert counts once per category it holds)
 * @param byCountry   series by route country (once per country on its route)
 * @param total       alerts in the period
 */
public record FeedTrends(List<LocalDate> weeks, Chart byCategory, Chart byCountry, int total) {

    /** One chart: its lines and the largest weekly count (the chart's top). */
    public record Chart(List<Series> series, int max) {
    }

    /** One line: its name, the count per week, and the SVG points of the chart ({@link #WIDTH} x {@link #HEIGHT}). */
    public record Series(String name, int[] counts, String points, int sum, int index) {
    }

    public static final int WIDTH = 600;
    public static final int HEIGHT = 200;
    static final int TOP = 5;
    static final int MAX_WEEKS = 104;

    public static FeedTrends of(List<JsonNode> alerts, LocalDate from, LocalDate to) {
        LocalDate first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (ChronoUnit.WEEKS.between(first, last) >= MAX_WEEKS) {
            first = last.minusWeeks(MAX_WEEKS - 1);
        }
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        List<JsonNode> within = new ArrayList<>();
        for (JsonNode a : alerts) {
            String occurred = a.path("occurredOn").asString("");
            if (occurred.isEmpty()) {
                continue;
            }
            LocalDate d = LocalDate.parse(occurred);
            if (!d.isBefore(first) && !d.isAfter(to)) {
                within.add(a);
            }
        }
        Chart categories = series(within, weeks, a -> {
            List<String> keys = new ArrayList<>();
            a.path("substances").forEach(s -> {
                String c = s.path("category").asString("");
                if (!c.isEmpty() && !keys.contains(c)) {
                    keys.add(c);
                }
            });
            return keys;
        });
        Chart countries = series(within, weeks, a -> InboxFilter.routeCountries(a.path("route")).stream().distinct().toList());
        return new FeedTrends(List.copyOf(weeks), categories, countries, within.size());
    }

    private static Chart series(List<JsonNode> alerts, List<LocalDate> weeks, Function<JsonNode, List<String>> keys) {
        Map<String, int[]> counts = new HashMap<>();
        for (JsonNode a : alerts) {
            LocalDate week = LocalDate.parse(a.path("occurredOn").asString()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int i = (int) ChronoUnit.WEEKS.between(weeks.get(0), week);
            if (i < 0 || i >= weeks.size()) {
                continue;
            }
            for (String k : keys.apply(a)) {
                counts.computeIfAbsent(k, x -> new int[weeks.size()])[i]++;
            }
        }
        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -sum(e.getValue())).thenComparing(Map.Entry::getKey));
        Map<String, int[]> kept = new LinkedHashMap<>();
        int[] other = new int[weeks.size()];
        for (int r = 0; r < ranked.size(); r++) {
            if (r < TOP) {
                kept.put(ranked.get(r).getKey(), ranked.get(r).getValue());
            } else {
                int[] c = ranked.get(r).getValue();
                for (int i = 0; i < c.length; i++) {
                    other[i] += c[i];
                }
            }
        }
        if (sum(other) > 0) {
            kept.put("other", other);
        }
        int max = 1;
        for (int[] c : kept.values()) {
            for (int v : c) {
                max = Math.max(max, v);
            }
        }
        List<Series> out = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, int[]> e : kept.entrySet()) {
            out.add(new Series(e.getKey(), e.getValue(), points(e.getValue(), max), sum(e.getValue()), index++));
        }
        return new Chart(List.copyOf(out), max);
    }

    private static String points(int[] counts, int max) {
        StringBuilder p = new StringBuilder();
        int n = counts.length;
        for (int i = 0; i < n; i++) {
            int x = n == 1 ? WIDTH / 2 : i * WIDTH / (n - 1);
            int y = HEIGHT - counts[i] * HEIGHT / max;
            p.append(i == 0 ? "" : " ").append(x).append(',').append(y);
        }
        return p.toString();
    }

    private static int sum(int[] c) {
        int s = 0;
        for (int v : c) {
            s += v;
        }
        return s;
    }
}

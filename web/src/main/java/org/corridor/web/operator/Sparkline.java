package org.corridor.web.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * A series over the monitor's window (a group's lag, a topic's log end) as the points of a small SVG line, 140 by 24,
 * drawn on the server so the page needs no script. Pure.
 *
 * @param points the polyline's points, empty when there are fewer than two values
 * @param first  the first value, or null
 * @param last   the last value, or null
 */
public record Sparkline(String points, Number first, Number last) {

    static final double WIDTH = 140;
    static final double HEIGHT = 24;

    /** The line of a JSON array of numbers; anything else draws nothing. */
    public static Sparkline of(JsonNode values) {
        List<Double> v = new ArrayList<>();
        if (values != null && values.isArray()) {
            values.forEach(n -> {
                if (n.isNumber()) {
                    v.add(n.asDouble());
                }
            });
        }
        if (v.size() < 2) {
            return new Sparkline("", v.isEmpty() ? null : v.get(0), v.isEmpty() ? null : v.get(0));
        }
        double min = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            double x = i * WIDTH / (v.size() - 1);
            double y = (HEIGHT - 2) - (v.get(i) - min) * (HEIGHT - 4) / span;
            points.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return new Sparkline(points.toString(), whole(v.get(0)), whole(v.get(v.size() - 1)));
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    private static Number whole(double d) {
        return d == Math.rint(d) && Math.abs(d) < Long.MAX_VALUE ? (Number) (long) d : (Number) d;
    }
}

package org.corridor.web.analyst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Where a feed's seizures happened: a dot per place (the alert's coordinates, else the middle of its event country),
 * sized by how many seizures it holds, on the countries around them from the {@link WorldMap}; countries with
 * seizures are marked. Built from coordinates and country codes only. Pure.
 *
 * @param viewBox  SVG viewBox (tenths of a degree, y = −latitude), or null when no seizure can be placed
 * @param shapes   country outlines, role {@code event} for a country with seizures, else {@code other}
 * @param dots     the places, with their count
 */
public record SeizureMap(String viewBox, List<RouteMap.Shape> shapes, List<Dot> dots) {

    /** A place: x, y in the viewBox, how many seizures, and the radius to draw. */
    public record Dot(int x, int y, int count, int r) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    public static SeizureMap of(List<JsonNode> alerts, WorldMap world) {
        Map<String, int[]> places = new LinkedHashMap<>();
        Map<String, Boolean> countries = new LinkedHashMap<>();
        for (JsonNode a : alerts) {
            if (!"SEIZURE".equals(a.path("kind").asString(""))) {
                continue;
            }
            JsonNode route = a.path("route");
            String code = route.path("eventCountry").asString("");
            int[] at = null;
            JsonNode c = route.path("coordinates");
            if (c.has("latitude") && c.has("longitude")) {
                at = new int[] {(int) Math.round(c.get("longitude").asDouble() * 10), (int) Math.round(c.get("latitude").asDouble() * 10)};
            } else if (CODE.matcher(code).matches() && world.country(code) != null) {
                at = world.country(code).anchor();
            }
            if (CODE.matcher(code).matches()) {
                countries.put(code, true);
            }
            if (at != null) {
                places.computeIfAbsent(at[0] + "," + at[1], k -> new int[] {0, 0, 0});
                int[] p = places.get(at[0] + "," + at[1]);
                p[0] = at[0];
                p[1] = at[1];
                p[2]++;
            }
        }
        if (places.isEmpty()) {
            return new SeizureMap(null, List.of(), List.of());
        }
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
        for (int[] p : places.values()) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        int w = Math.max(400, maxX - minX + 240);
        int h = Math.max(240, maxY - minY + 240);
        w = Math.max(w, h * 16 / 10);
        h = Math.max(h, w / 2);
        int left = (minX + maxX) / 2 - w / 2;
        int bottom = (minY + maxY) / 2 - h / 2;
        List<RouteMap.Shape> shapes = new ArrayList<>();
        for (WorldMap.Country c : world.countries()) {
            if (c.maxX() < left || c.minX() > left + w || c.maxY() < bottom || c.minY() > bottom + h) {
                continue;
            }
            shapes.add(new RouteMap.Shape(c.code(), RouteMap.svgPath(c), countries.containsKey(c.code()) ? "event" : "other"));
        }
        int most = places.values().stream().mapToInt(p -> p[2]).max().orElse(1);
        List<Dot> dots = new ArrayList<>();
        for (int[] p : places.values()) {
            int r = (int) Math.round(8 + 22 * Math.sqrt((double) p[2] / most)) * Math.max(w, 400) / 800;
            dots.add(new Dot(p[0], -p[1], p[2], Math.max(6, r)));
        }
        return new SeizureMap(left + " " + (-(bottom + h)) + " " + w + " " + h, List.copyOf(shapes), List.copyOf(dots));
    }
}

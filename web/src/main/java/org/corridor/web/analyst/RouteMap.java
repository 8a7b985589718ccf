package org.corridor.web.analyst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The picture of an alert's route: the countries around it from the {@link WorldMap}, the route's own coloured by
 * role (origin, transit, event, destination), and arrows from origin through each transit country to destination.
 * Built from country codes only (checked to be two capital letters), never from the alert's text; the template draws
 * it as SVG with attributes, so nothing here is markup. Pure.
 *
 * @param viewBox  the SVG viewBox (equirectangular, x = longitude, y = −latitude, tenths of a degree)
 * @param shapes   country outlines to draw
 * @param legs     the arrows, in route order
 * @param stops    the route's countries in order, with their role and name in the reader's language
 * @param place    the event's coordinates when the alert gives them, else null
 * @param missing  route countries the map has no shape for (micro-states)
 */
public record RouteMap(String viewBox, List<Shape> shapes, List<Leg> legs, List<Stop> stops, int[] place,
                       List<String> missing) {

    public record Shape(String code, String path, String role) {
    }

    public record Leg(int x1, int y1, int x2, int y2) {
    }

    public record Stop(String code, String name, String role) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");
    private static final int MARGIN = 120;

    public static RouteMap of(JsonNode route, WorldMap world, Locale locale) {
        Map<String, String> roles = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        add(route.path("originCountry"), "origin", roles, path);
        route.path("transitCountries").forEach(c -> add(c, "transit", roles, path));
        add(route.path("destinationCountry"), "destination", roles, path);
        String event = code(route.path("eventCountry"));
        if (event != null) {
            roles.putIfAbsent(event, "event");
        }
        List<Stop> stops = new ArrayList<>();
        roles.forEach((c, role) -> stops.add(new Stop(c, new Locale("", c).getDisplayCountry(locale), role)));
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
        List<String> missing = new ArrayList<>();
        for (String c : roles.keySet()) {
            WorldMap.Country country = world.country(c);
            if (country == null) {
                missing.add(c);
                continue;
            }
            int[] a = country.anchor();
            minX = Math.min(minX, a[0]);
            maxX = Math.max(maxX, a[0]);
            minY = Math.min(minY, a[1]);
            maxY = Math.max(maxY, a[1]);
        }
        int[] place = null;
        JsonNode at = route.path("coordinates");
        if (at.has("latitude") && at.has("longitude")) {
            place = new int[] {(int) Math.round(at.get("longitude").asDouble() * 10), (int) -Math.round(at.get("latitude").asDouble() * 10)};
            minX = Math.min(minX, place[0]);
            maxX = Math.max(maxX, place[0]);
            minY = Math.min(minY, -place[1]);
            maxY = Math.max(maxY, -place[1]);
        }
        if (minX == Integer.MAX_VALUE) {
            return new RouteMap(null, List.of(), List.of(), List.copyOf(stops), null, List.copyOf(missing));
        }
        // At least 40° x 24°, with a margin, so a route within one region still shows its neighbours.
        int cx = (minX + maxX) / 2;
        int cy = (minY + maxY) / 2;
        int w = Math.max(400, maxX - minX + 2 * MARGIN);
        int h = Math.max(240, maxY - minY + 2 * MARGIN);
        // Landscape, as pages are: at least 16:10, at most 2:1.
        w = Math.max(w, h * 16 / 10);
        h = Math.max(h, w / 2);
        int left = cx - w / 2;
        int bottom = cy - h / 2;
        List<Shape> shapes = new ArrayList<>();
        for (WorldMap.Country c : world.countries()) {
            if (c.maxX() < left || c.minX() > left + w || c.maxY() < bottom || c.minY() > bottom + h) {
                continue;
            }
            shapes.add(new Shape(c.code(), svgPath(c), roles.getOrDefault(c.code(), "other")));
        }
        shapes.sort((a, b) -> Boolean.compare(!a.role().equals("other"), !b.role().equals("other")));
        List<Leg> legs = new ArrayList<>();
        int[] previous = null;
        for (String c : path) {
            WorldMap.Country country = world.country(c);
            if (country == null) {
                continue;
            }
            int[] a = country.anchor();
            if (previous != null && (previous[0] != a[0] || previous[1] != a[1])) {
                legs.add(new Leg(previous[0], -previous[1], a[0], -a[1]));
            }
            previous = a;
        }
        String viewBox = left + " " + (-(bottom + h)) + " " + w + " " + h;
        return new RouteMap(viewBox, List.copyOf(shapes), List.copyOf(legs), List.copyOf(stops), place, List.copyOf(missing));
    }

    private static void add(JsonNode node, String role, Map<String, String> roles, List<String> path) {
        String c = code(node);
        if (c != null) {
            roles.putIfAbsent(c, role);
            path.add(c);
        }
    }

    private static String code(JsonNode node) {
        String c = node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
        return c != null && CODE.matcher(c).matches() ? c : null;
    }

    static String svgPath(WorldMap.Country c) {
        StringBuilder d = new StringBuilder();
        for (int[] r : c.rings()) {
            for (int i = 0; i + 1 < r.length; i += 2) {
                d.append(i == 0 ? 'M' : 'L').append(r[i]).append(' ').append(-r[i + 1]);
            }
            d.append('Z');
        }
        return d.toString();
    }
}

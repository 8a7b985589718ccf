package org.corridor.web.analyst;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled world map: Natural Earth's 1:110m countries (public domain), each an ISO 3166-1 alpha-2 code with its
 * rings in tenths of a degree (made by {@code web/tools/world-map.py}). Micro-states the scale leaves out (Andorra,
 * Liechtenstein, Malta, Monaco, San Marino, Singapore, the Vatican) and Kosovo have no shape. Immutable, thread-safe.
 */
public final class WorldMap {

    /** One country: its rings (x = longitude, y = latitude, tenths of a degree) and its bounding box. */
    public record Country(String code, List<int[]> rings, int minX, int minY, int maxX, int maxY) {

        /** A point to draw a route through: the middle of its largest ring's vertices, or a label point given. */
        int[] anchor() {
            int[] given = ANCHORS.get(code);
            if (given != null) {
                return given;
            }
            int[] largest = rings.get(0);
            long bestArea = -1;
            for (int[] r : rings) {
                long area = box(r);
                if (area > bestArea) {
                    bestArea = area;
                    largest = r;
                }
            }
            long sx = 0;
            long sy = 0;
            int n = largest.length / 2;
            for (int i = 0; i < largest.length; i += 2) {
                sx += largest[i];
                sy += largest[i + 1];
            }
            return new int[] {(int) (sx / n), (int) (sy / n)};
        }

        private static long box(int[] r) {
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
            for (int i = 0; i < r.length; i += 2) {
                minX = Math.min(minX, r[i]);
                maxX = Math.max(maxX, r[i]);
                minY = Math.min(minY, r[i + 1]);
                maxY = Math.max(maxY, r[i + 1]);
            }
            return (long) (maxX - minX) * (maxY - minY);
        }
    }

    /**
     * Where routes meet the largest countries, in tenths of a degree: the middle of their shapes lies far from where
     * people and goods cross (Siberia for Russia), so a route through them is drawn to their populated part.
     */
    static final Map<String, int[]> ANCHORS = Map.of("RU", new int[] {400, 560}, "US", new int[] {-950, 385},
            "CA", new int[] {-900, 500}, "CN", new int[] {1100, 330}, "KZ", new int[] {700, 480});

    private static final WorldMap DEFAULT = load("/corridor-web/world/countries-110m.json");

    private final Map<String, Country> countries;

    private WorldMap(Map<String, Country> countries) {
        this.countries = Map.copyOf(countries);
    }

    public static WorldMap defaults() {
        return DEFAULT;
    }

    static WorldMap load(String resource) {
        try (InputStream in = WorldMap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the world map " + resource + " is not on the class path");
            }
            JsonNode all = JsonMapper.builder().build().readTree(in).path("countries");
            Map<String, Country> countries = new HashMap<>();
            for (Map.Entry<String, JsonNode> c : all.properties()) {
                List<int[]> rings = new ArrayList<>();
                int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
                for (JsonNode ring : c.getValue()) {
                    int[] r = new int[ring.size()];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = ring.get(i).asInt();
                    }
                    for (int i = 0; i + 1 < r.length; i += 2) {
                        minX = Math.min(minX, r[i]);
                        maxX = Math.max(maxX, r[i]);
                        minY = Math.min(minY, r[i + 1]);
                        maxY = Math.max(maxY, r[i + 1]);
                    }
                    rings.add(r);
                }
                countries.put(c.getKey(), new Country(c.getKey(), List.copyOf(rings), minX, minY, maxX, maxY));
            }
            return new WorldMap(countries);
        } catch (IOException e) {
            throw new UncheckedIOException("the world map " + resource + " cannot be read", e);
        }
    }

    /** The country of that code, or null when the map has no shape for it. */
    public Country country(String code) {
        return code == null ? null : countries.get(code);
    }

    public java.util.Collection<Country> countries() {
        return countries.values();
    }
}

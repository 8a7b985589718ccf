package org.corridor.web.analyst;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The inbox's filters over the feed's alerts (kind, priority, substance or category, country anywhere on the route,
 * occurred-on range, free text in summary, details and place, acknowledged or not), and its order: URGENT alerts the
 * body has not acknowledged (in their latest version) first, unless retracted, then the newest received. Blank criteria match
 * everything. Pure.
 *
 * @param acknowledged {@code yes}, {@code no}, or blank for both
 */
public record InboxFilter(String kind, String priority, String substance, String country, LocalDate from, LocalDate to,
                          String text, String acknowledged) {

    public static final InboxFilter NONE = new InboxFilter(null, null, null, null, null, null, null, null);

    /** Without the acknowledgement criterion. */
    public InboxFilter(String kind, String priority, String substance, String country, LocalDate from, LocalDate to,
                       String text) {
        this(kind, priority, substance, country, from, to, text, null);
    }

    /** Whether the body acknowledged the alert's latest version it holds. */
    public static boolean isAcknowledged(JsonNode a) {
        return a.path("acknowledgedVersion").asInt(0) >= a.path("version").asInt(1);
    }

    public List<JsonNode> apply(JsonNode alerts) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode a : alerts) {
            if (matches(a)) {
                kept.add(a);
            }
        }
        kept.sort(Comparator.comparing((JsonNode a) -> !("URGENT".equals(a.path("priority").asString("")) && !isAcknowledged(a)
                        && !"RETRACTION".equals(a.path("lifecycle").asString(""))))
                .thenComparing(a -> a.path("receivedAt").asString(""), Comparator.reverseOrder()));
        return kept;
    }

    boolean matches(JsonNode a) {
        if (set(kind) && !kind.equals(a.path("kind").asString(""))) {
            return false;
        }
        if (set(priority) && !priority.equals(a.path("priority").asString(""))) {
            return false;
        }
        if (set(acknowledged) && acknowledged.equals("yes") != isAcknowledged(a)) {
            return false;
        }
        if (set(substance) && !substanceMatches(a.path("substances"))) {
            return false;
        }
        if (set(country) && !routeCountries(a.path("route")).contains(country.trim().toUpperCase(Locale.ROOT))) {
            return false;
        }
        String occurred = a.path("occurredOn").asString("");
        if (from != null && (occurred.isEmpty() || LocalDate.parse(occurred).isBefore(from))) {
            return false;
        }
        if (to != null && (occurred.isEmpty() || LocalDate.parse(occurred).isAfter(to))) {
            return false;
        }
        if (set(text)) {
            String needle = text.trim().toLowerCase(Locale.ROOT);
            String hay = (a.path("summary").asString("") + "\n" + a.path("details").asString("") + "\n"
                    + a.path("route").path("placeName").asString("")).toLowerCase(Locale.ROOT);
            return hay.contains(needle);
        }
        return true;
    }

    private boolean substanceMatches(JsonNode substances) {
        String needle = substance.trim().toLowerCase(Locale.ROOT);
        for (JsonNode s : substances) {
            if (s.path("name").asString("").toLowerCase(Locale.ROOT).contains(needle)
                    || s.path("category").asString("").toLowerCase(Locale.ROOT).equals(needle)
                    || s.path("casNumber").asString("").equals(needle)) {
                return true;
            }
        }
        return false;
    }

    static List<String> routeCountries(JsonNode route) {
        List<String> all = new ArrayList<>();
        for (String f : List.of("originCountry", "eventCountry", "destinationCountry")) {
            if (route.hasNonNull(f)) {
                all.add(route.get(f).asString());
            }
        }
        route.path("transitCountries").forEach(c -> all.add(c.asString()));
        return all;
    }

    /** The route's transit countries, in order (for the route line). */
    public static List<String> transit(JsonNode route) {
        List<String> all = new ArrayList<>();
        route.path("transitCountries").forEach(c -> all.add(c.asString()));
        return all;
    }

    private static boolean set(String s) {
        return s != null && !s.isBlank();
    }
}

package org.corridor.web.analyst;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The correlation hits of the body's feed that concern one alert, as links to the other alert: only hits between
 * two alerts the body received both of reach its feed, so a link names nothing the body does not hold. Withdrawn
 * links are left out. Pure.
 */
public final class Links {

    /** A link: the other alert, how it matched, its score and keys. */
    public record Link(String agency, String alertId, String kind, double score, List<String> keys, String status) {
    }

    private Links() {
    }

    public static List<Link> of(JsonNode correlations, String agency, String alertId) {
        List<Link> links = new ArrayList<>();
        for (JsonNode c : correlations) {
            if ("WITHDRAWN".equals(c.path("status").asString(""))) {
                continue;
            }
            JsonNode other = null;
            if (same(c.path("a"), agency, alertId)) {
                other = c.path("b");
            } else if (same(c.path("b"), agency, alertId)) {
                other = c.path("a");
            }
            if (other != null) {
                List<String> keys = new ArrayList<>();
                c.path("keys").forEach(k -> keys.add(k.asString()));
                links.add(new Link(other.path("agency").asString(""), other.path("alertId").asString(""),
                        c.path("kind").asString(""), c.path("score").asDouble(), List.copyOf(keys), c.path("status").asString("")));
            }
        }
        return links;
    }

    private static boolean same(JsonNode ref, String agency, String alertId) {
        return agency.equals(ref.path("agency").asString("")) && alertId.equals(ref.path("alertId").asString(""));
    }
}

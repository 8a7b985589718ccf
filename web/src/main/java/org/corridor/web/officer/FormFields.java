package org.corridor.web.officer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Puts the validator's findings (JSON paths such as {@code substances[0].casNumber}) next to the form field that holds
 * that value; a finding no field holds (another substance, a field the form lacks) is told above the form, with its
 * path, so nothing the validator said is lost. Pure.
 */
public final class FormFields {

    /** The validator's findings by form field, and those of no field. */
    public record Findings(Map<String, List<String>> byField, List<String> general) {
        /** The findings of a form field, or null when it has none. */
        public List<String> errors(String field) {
            return field == null ? null : byField.get(field);
        }

        public boolean isEmpty() {
            return byField.isEmpty() && general.isEmpty();
        }
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("kind", "kind"), Map.entry("priority", "priority"), Map.entry("occurredOn", "occurredOn"),
            Map.entry("substances", "substanceName"),
            Map.entry("substances[0].name", "substanceName"), Map.entry("substances[0].category", "substanceCategory"),
            Map.entry("substances[0].casNumber", "casNumber"), Map.entry("substances[0].quantity", "amount"),
            Map.entry("substances[0].quantity.amount", "amount"), Map.entry("substances[0].quantity.unit", "unit"),
            Map.entry("route", "eventCountry"), Map.entry("route.eventCountry", "eventCountry"),
            Map.entry("route.originCountry", "originCountry"), Map.entry("route.transitCountries", "transitCountries"),
            Map.entry("route.destinationCountry", "destinationCountry"), Map.entry("route.placeName", "placeName"),
            Map.entry("transportMode", "transportMode"), Map.entry("summary", "summary"), Map.entry("details", "details"),
            Map.entry("language", "language"), Map.entry("handling", "tlp"), Map.entry("handling.tlp", "tlp"),
            Map.entry("handling.handlingCode", "handlingCode"), Map.entry("handling.addressedTo", "addressedTo"),
            Map.entry("handling.notReleasableTo", "notReleasableTo"));

    private static final Pattern LIST_ITEM = Pattern.compile("^(route\\.transitCountries|handling\\.addressedTo|handling\\.notReleasableTo)\\[\\d+]$");

    private FormFields() {
    }

    /** The findings of a problem+json answer ({@code errors: [{field, message}]}), or its detail when it has none. */
    static Findings of(JsonNode problem) {
        return of(problem, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #of(JsonNode)}, each validator message told by {@code say} (in the reader's language). */
    static Findings of(JsonNode problem, java.util.function.UnaryOperator<String> say) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        JsonNode errors = problem.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            general.add(problem.path("detail").asString("the exchange refused the alert"));
            return new Findings(byField, general);
        }
        for (JsonNode e : errors) {
            String path = e.path("field").asString("");
            String message = say.apply(e.path("message").asString(""));
            String field = field(path);
            if (field == null) {
                general.add((path.isEmpty() ? "" : path + ": ") + message);
            } else {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
            }
        }
        return new Findings(byField, general);
    }

    /** The form field holding that JSON path, or null. */
    static String field(String path) {
        String direct = FIELDS.get(path);
        if (direct != null) {
            return direct;
        }
        var item = LIST_ITEM.matcher(path);
        return item.matches() ? FIELDS.get(item.group(1)) : null;
    }
}

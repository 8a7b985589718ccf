package org.corridor.schemas.stix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each field of an alert lives in Corridor's STIX mapping (docs/stix.md), both ways: the property of the report,
 * of Corridor's extension on the report or on the observed-data, of the place's location, or of the
 * {@code corridor-consignment}. Reading a posted bundle copies these properties into the alert's JSON form; a
 * violation of an alert field is then told at the STIX property it came from. Pure.
 */
final class StixFields {

    /** The object a property belongs to. */
    enum Part { REPORT, REPORT_EXTENSION, OBSERVED_EXTENSION, PLACE, CONSIGNMENT }

    record Field(String alertPath, Part part, String property) {
    }

    /** Alert path to its STIX property, in the mapping's order. */
    static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    /** Properties of the extensions and the consignment that Corridor writes but does not read back (set by the exchange). */
    static final Map<Part, Set<String>> WRITTEN_ONLY = Map.of(
            Part.REPORT_EXTENSION, Set.of("extension_type", "alert_ref", "alert_version", "agency_country"),
            Part.OBSERVED_EXTENSION, Set.of("extension_type"),
            Part.CONSIGNMENT, Set.of("type", "spec_version", "id", "object_marking_refs", "extensions", "transport_mode",
                    "defanged", "granular_markings"));

    /** The properties of one substance of the consignment: substance field to property. */
    static final Map<String, String> SUBSTANCE = Map.of("name", "name", "category", "category", "casNumber", "cas_number",
            "quantity.amount", "amount", "quantity.unit", "unit", "purityPercent", "purity_percent");

    static {
        report("summary", "name");
        report("details", "description");
        report("language", "lang");
        ext("alertId", "alert_id");
        ext("lifecycle", "lifecycle");
        ext("retractionReason", "retraction_reason");
        ext("kind", "alert_kind");
        ext("priority", "priority");
        ext("handling.tlp", "tlp");
        ext("handling.handlingCode", "handling_code");
        ext("handling.handlingRestriction", "handling_restriction");
        ext("handling.addressedTo", "addressed_to");
        ext("handling.releasableTo", "releasable_to");
        ext("handling.notReleasableTo", "not_releasable_to");
        ext("handling.relaxes", "relaxes");
        ext("evaluation.sourceReliability", "source_reliability");
        ext("evaluation.informationAssessment", "information_assessment");
        ext("relatedAlertIds", "related_alert_ids");
        observed("occurredOn", "occurred_on");
        observed("route.eventCountry", "event_country");
        observed("route.originCountry", "origin_country");
        observed("route.transitCountries", "transit_countries");
        observed("route.destinationCountry", "destination_country");
        observed("route.placeName", "place_name");
        observed("transportMode", "transport_mode");
        put("route.coordinates.latitude", Part.PLACE, "latitude");
        put("route.coordinates.longitude", Part.PLACE, "longitude");
        consignment("substances", "substances");
        consignment("concealmentMethod", "concealment_method");
        consignment("identifiers.containers", "containers");
        consignment("identifiers.vessels", "vessels");
        consignment("identifiers.flights", "flights");
        consignment("identifiers.vehicles", "vehicles");
        consignment("identifiers.transportDocuments", "transport_documents");
        consignment("identifiers.companies", "companies");
    }

    private StixFields() {
    }

    /** The properties the mapping reads from one part. */
    static List<Field> of(Part part) {
        return FIELDS.values().stream().filter(f -> f.part() == part).toList();
    }

    /**
     * The STIX property an alert path came from, as {@code (part, property path)}: {@code substances[1].quantity.amount}
     * is the consignment's {@code substances[1].amount}; a path the mapping does not name stays on the report.
     */
    static Field locate(String alertPath) {
        String best = null;
        for (String p : FIELDS.keySet()) {
            if ((alertPath.equals(p) || alertPath.startsWith(p + "[") || alertPath.startsWith(p + "."))
                    && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        if (best == null) {
            return new Field(alertPath, Part.REPORT, "extensions." + CorridorObjects.EXTENSION + " (alert field " + alertPath + ")");
        }
        Field f = FIELDS.get(best);
        String rest = alertPath.substring(best.length());
        if (best.equals("substances") && rest.matches("\\[\\d+]\\..+")) {
            int dot = rest.indexOf('.');
            String property = SUBSTANCE.getOrDefault(rest.substring(dot + 1), rest.substring(dot + 1));
            rest = rest.substring(0, dot + 1) + property;
        }
        return new Field(alertPath, f.part(), f.property() + rest);
    }

    private static void report(String path, String property) {
        put(path, Part.REPORT, property);
    }

    private static void ext(String path, String property) {
        put(path, Part.REPORT_EXTENSION, property);
    }

    private static void observed(String path, String property) {
        put(path, Part.OBSERVED_EXTENSION, property);
    }

    private static void consignment(String path, String property) {
        put(path, Part.CONSIGNMENT, property);
    }

    private static void put(String path, Part part, String property) {
        FIELDS.put(path, new Field(path, part, property));
    }
}

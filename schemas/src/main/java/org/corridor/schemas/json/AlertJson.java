package org.corridor.schemas.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Evaluation;
import org.corridor.schemas.avro.GeoPoint;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.SourceReliability;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportMode;
import org.corridor.schemas.validation.Violation;

/**
 * Reads and writes the JSON form of an alert: the Avro field names, dates as {@code YYYY-MM-DD}, instants as
 * ISO-8601, amounts as numbers or numeric strings, enums by name ({@code AMBER+STRICT} is read as AMBER_STRICT).
 * Absent optional settings take their defaults: priority ROUTINE, transportMode NOT_SPECIFIED, language en,
 * handlingCode H0, version 1, lifecycle NEW.
 * Reading reports every type problem and unknown field with its path; required fields that are absent stay null
 * for the caller to fill (server-managed fields) or for {@link org.corridor.schemas.validation.AlertValidator} to
 * report. Thread-safe.
 */
public final class AlertJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Set<String> TOP = Set.of("alertId", "version", "lifecycle", "retractionReason", "originAgency",
            "kind", "priority", "occurredOn", "reportedAt", "substances", "route", "transportMode", "concealmentMethod",
            "summary", "details", "language", "handling", "evaluation", "relatedAlertIds");

    private AlertJson() {
    }

    /** An alert read from JSON, possibly incomplete, and the problems found. */
    public record Read(TraffickingAlert alert, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** Parses text; malformed JSON is one violation on {@code body}. */
    public static Read read(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                return new Read(null, List.of(new Violation("body", "must be a JSON object")));
            }
            return read(root);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return new Read(null, List.of(new Violation("body", "malformed JSON" + where)));
        }
    }

    public static Read read(JsonNode root) {
        JsonFields f = new JsonFields();
        f.onlyKnown(root, "", TOP);
        TraffickingAlert a = new TraffickingAlert();
        a.setAlertId(f.uuid(root, "alertId", "alertId"));
        Integer version = f.integer(root, "version", "version");
        a.setVersion(version == null ? 1 : version);
        Lifecycle lifecycle = f.enumValue(root, "lifecycle", "lifecycle", Lifecycle.class);
        a.setLifecycle(lifecycle == null && !root.hasNonNull("lifecycle") ? Lifecycle.NEW : lifecycle);
        a.setRetractionReason(f.text(root, "retractionReason", "retractionReason"));
        a.setOriginAgency(agency(f, f.object(root, "originAgency", "originAgency")));
        a.setKind(f.enumValue(root, "kind", "kind", AlertKind.class));
        Priority priority = f.enumValue(root, "priority", "priority", Priority.class);
        a.setPriority(priority == null && !root.hasNonNull("priority") ? Priority.ROUTINE : priority);
        a.setOccurredOn(f.date(root, "occurredOn", "occurredOn"));
        java.time.Instant reportedAt = f.instant(root, "reportedAt", "reportedAt");
        if (reportedAt != null) {
            a.setReportedAt(reportedAt);  // the generated setter truncates to millis and so refuses null
        }
        a.setSubstances(substances(f, root));
        a.setRoute(route(f, f.object(root, "route", "route")));
        TransportMode mode = f.enumValue(root, "transportMode", "transportMode", TransportMode.class);
        a.setTransportMode(mode == null && !root.hasNonNull("transportMode") ? TransportMode.NOT_SPECIFIED : mode);
        a.setConcealmentMethod(f.text(root, "concealmentMethod", "concealmentMethod"));
        a.setSummary(f.text(root, "summary", "summary"));
        a.setDetails(f.text(root, "details", "details"));
        String language = f.text(root, "language", "language");
        a.setLanguage(language == null && !root.hasNonNull("language") ? "en" : language);
        a.setHandling(handling(f, f.object(root, "handling", "handling")));
        a.setEvaluation(evaluation(f, f.object(root, "evaluation", "evaluation")));
        List<UUID> related = new ArrayList<>();
        JsonNode relatedArray = f.array(root, "relatedAlertIds", "relatedAlertIds");
        if (relatedArray != null) {
            for (int i = 0; i < relatedArray.size(); i++) {
                related.add(f.uuidAt(relatedArray.get(i), "relatedAlertIds[" + i + "]"));
            }
        }
        a.setRelatedAlertIds(related);
        return new Read(a, List.copyOf(f.violations()));
    }

    private static Agency agency(JsonFields f, JsonNode node) {
        if (node == null) {
            return null;
        }
        f.onlyKnown(node, "originAgency", Set.of("agencyId", "country", "name"));
        return new Agency(f.text(node, "agencyId", "originAgency.agencyId"), f.text(node, "country", "originAgency.country"),
                f.text(node, "name", "originAgency.name"));
    }

    private static List<Substance> substances(JsonFields f, JsonNode root) {
        List<Substance> substances = new ArrayList<>();
        JsonNode array = f.array(root, "substances", "substances");
        if (array == null) {
            return substances;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "substances[" + i + "]";
            JsonNode s = array.get(i);
            if (!s.isObject()) {
                f.add(path, "must be an object");
                continue;
            }
            f.onlyKnown(s, path, Set.of("name", "category", "casNumber", "quantity", "purityPercent"));
            JsonNode q = f.object(s, "quantity", path + ".quantity");
            Quantity quantity = null;
            if (q != null) {
                f.onlyKnown(q, path + ".quantity", Set.of("amount", "unit"));
                quantity = new Quantity(f.decimal(q, "amount", path + ".quantity.amount"),
                        f.enumValue(q, "unit", path + ".quantity.unit", QuantityUnit.class));
            }
            substances.add(new Substance(f.text(s, "name", path + ".name"),
                    f.enumValue(s, "category", path + ".category", SubstanceCategory.class),
                    f.text(s, "casNumber", path + ".casNumber"), quantity, f.number(s, "purityPercent", path + ".purityPercent")));
        }
        return substances;
    }

    private static Route route(JsonFields f, JsonNode node) {
        if (node == null) {
            return null;
        }
        f.onlyKnown(node, "route", Set.of("eventCountry", "originCountry", "transitCountries", "destinationCountry",
                "placeName", "coordinates"));
        GeoPoint point = null;
        JsonNode c = f.object(node, "coordinates", "route.coordinates");
        if (c != null) {
            f.onlyKnown(c, "route.coordinates", Set.of("latitude", "longitude"));
            Double lat = f.number(c, "latitude", "route.coordinates.latitude");
            Double lon = f.number(c, "longitude", "route.coordinates.longitude");
            if (lat == null || lon == null) {
                f.add("route.coordinates", "needs both latitude and longitude");
            } else {
                point = new GeoPoint(lat, lon);
            }
        }
        return new Route(f.text(node, "eventCountry", "route.eventCountry"), f.text(node, "originCountry", "route.originCountry"),
                f.strings(node, "transitCountries", "route.transitCountries"),
                f.text(node, "destinationCountry", "route.destinationCountry"), f.text(node, "placeName", "route.placeName"), point);
    }

    private static Handling handling(JsonFields f, JsonNode node) {
        if (node == null) {
            return null;
        }
        f.onlyKnown(node, "handling", Set.of("tlp", "handlingCode", "handlingRestriction", "addressedTo", "releasableTo",
                "notReleasableTo"));
        HandlingCode code = f.enumValue(node, "handlingCode", "handling.handlingCode", HandlingCode.class);
        return new Handling(f.enumValue(node, "tlp", "handling.tlp", Tlp.class),
                code == null && !node.hasNonNull("handlingCode") ? HandlingCode.H0 : code,
                f.text(node, "handlingRestriction", "handling.handlingRestriction"),
                f.strings(node, "addressedTo", "handling.addressedTo"), f.strings(node, "releasableTo", "handling.releasableTo"),
                f.strings(node, "notReleasableTo", "handling.notReleasableTo"));
    }

    private static Evaluation evaluation(JsonFields f, JsonNode node) {
        if (node == null) {
            return null;
        }
        f.onlyKnown(node, "evaluation", Set.of("sourceReliability", "informationAssessment"));
        Integer info = f.integer(node, "informationAssessment", "evaluation.informationAssessment");
        if (!node.hasNonNull("informationAssessment")) {
            f.add("evaluation.informationAssessment", "must be present");
        }
        return new Evaluation(f.enumValue(node, "sourceReliability", "evaluation.sourceReliability", SourceReliability.class),
                info == null ? 0 : info);
    }

    /** The alert as a JSON object; absent optional values are left out. */
    public static ObjectNode write(TraffickingAlert a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("alertId", a.getAlertId().toString()).put("version", a.getVersion()).put("lifecycle", a.getLifecycle().name());
        putOptional(o, "retractionReason", a.getRetractionReason());
        o.putObject("originAgency").put("agencyId", a.getOriginAgency().getAgencyId())
                .put("country", a.getOriginAgency().getCountry()).put("name", a.getOriginAgency().getName());
        o.put("kind", a.getKind().name()).put("priority", a.getPriority().name())
                .put("occurredOn", a.getOccurredOn().toString()).put("reportedAt", a.getReportedAt().toString());
        ArrayNode substances = o.putArray("substances");
        for (Substance s : a.getSubstances()) {
            ObjectNode n = substances.addObject().put("name", s.getName()).put("category", s.getCategory().name());
            putOptional(n, "casNumber", s.getCasNumber());
            if (s.getQuantity() != null) {
                n.putObject("quantity").put("amount", s.getQuantity().getAmount()).put("unit", s.getQuantity().getUnit().name());
            }
            if (s.getPurityPercent() != null) {
                n.put("purityPercent", s.getPurityPercent());
            }
        }
        Route r = a.getRoute();
        ObjectNode route = o.putObject("route").put("eventCountry", r.getEventCountry());
        putOptional(route, "originCountry", r.getOriginCountry());
        r.getTransitCountries().forEach(route.putArray("transitCountries")::add);
        putOptional(route, "destinationCountry", r.getDestinationCountry());
        putOptional(route, "placeName", r.getPlaceName());
        if (r.getCoordinates() != null) {
            route.putObject("coordinates").put("latitude", r.getCoordinates().getLatitude())
                    .put("longitude", r.getCoordinates().getLongitude());
        }
        o.put("transportMode", a.getTransportMode().name());
        putOptional(o, "concealmentMethod", a.getConcealmentMethod());
        o.put("summary", a.getSummary());
        putOptional(o, "details", a.getDetails());
        o.put("language", a.getLanguage());
        Handling h = a.getHandling();
        ObjectNode handling = o.putObject("handling").put("tlp", h.getTlp().name()).put("handlingCode", h.getHandlingCode().name());
        putOptional(handling, "handlingRestriction", h.getHandlingRestriction());
        h.getAddressedTo().forEach(handling.putArray("addressedTo")::add);
        h.getReleasableTo().forEach(handling.putArray("releasableTo")::add);
        h.getNotReleasableTo().forEach(handling.putArray("notReleasableTo")::add);
        if (a.getEvaluation() != null) {
            o.putObject("evaluation").put("sourceReliability", a.getEvaluation().getSourceReliability().name())
                    .put("informationAssessment", a.getEvaluation().getInformationAssessment());
        }
        a.getRelatedAlertIds().forEach(id -> o.withArray("relatedAlertIds").add(id.toString()));
        if (!o.has("relatedAlertIds")) {
            o.putArray("relatedAlertIds");
        }
        return o;
    }

    /** The alert as JSON text. */
    public static String toJson(TraffickingAlert a) {
        return write(a).toString();
    }

    private static void putOptional(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}

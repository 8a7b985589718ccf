package org.corridor.schemas.stix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.corridor.schemas.avro.Evaluation;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.TraffickingAlert;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One alert version as STIX 2.1 objects (docs/stix.md): a {@code report} (id from the agency-scoped alert id, the
 * same for every version; {@code revoked} for a retraction) holding an {@code observed-data} of the event, whose
 * {@code corridor-consignment} holds the goods and their carriage; a {@code location} per route country; the
 * originating agency's {@code identity}; the markings ({@link Markings}) on every object with alert content. Pure.
 */
public final class AlertStix {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AlertStix() {
    }

    /** Every object of the version, those it refers to first and the report last. */
    public static List<ObjectNode> objects(TraffickingAlert a, Versioning v) {
        String agency = a.getOriginAgency().getAgencyId();
        String ref = agency + "/" + a.getAlertId();
        Markings markings = Markings.of(a.getHandling());
        boolean revoked = a.getLifecycle() == Lifecycle.RETRACTION;
        List<ObjectNode> out = new ArrayList<>();
        out.add(CorridorObjects.identity());
        out.add(CorridorObjects.extensionDefinition());
        out.add(agencyIdentity(a));
        out.addAll(markings.definitions());
        List<String> reportRefs = new ArrayList<>();
        for (String country : countries(a.getRoute())) {
            out.add(country(country));
            reportRefs.add(countryId(country));
        }
        ObjectNode place = place(a, ref, v, markings);
        if (place != null) {
            out.add(place);
            reportRefs.add(place.get("id").asString());
        }
        ObjectNode consignment = Consignments.of(a, ref, markings);
        out.add(consignment);
        ObjectNode observed = observed(a, ref, v, markings, consignment.get("id").asString(), revoked);
        out.add(observed);
        reportRefs.add(0, observed.get("id").asString());
        reportRefs.add(StixIds.agency(agency));
        out.add(report(a, v, markings, reportRefs, revoked));
        return out;
    }

    /** The route's countries in order: event, origin, transit, destination, each once. */
    static Set<String> countries(Route r) {
        Set<String> c = new LinkedHashSet<>();
        c.add(r.getEventCountry());
        if (r.getOriginCountry() != null) {
            c.add(r.getOriginCountry());
        }
        c.addAll(r.getTransitCountries());
        if (r.getDestinationCountry() != null) {
            c.add(r.getDestinationCountry());
        }
        return c;
    }

    static String countryId(String iso) {
        return StixIds.of("location", "country/" + iso);
    }

    /** A country: reference data, the same object for every alert, so it carries no markings. */
    static ObjectNode country(String iso) {
        ObjectNode l = CorridorObjects.base("location", countryId(iso));
        l.put("country", iso);
        return l;
    }

    static ObjectNode agencyIdentity(TraffickingAlert a) {
        ObjectNode i = CorridorObjects.base("identity", StixIds.agency(a.getOriginAgency().getAgencyId()));
        i.put("name", a.getOriginAgency().getName());
        i.put("description", "Originating agency " + a.getOriginAgency().getAgencyId() + " (" + a.getOriginAgency().getCountry() + ")");
        i.put("identity_class", "organization");
        i.putArray("sectors").add("law-enforcement");
        return i;
    }

    /**
     * STIX {@code confidence} (0 to 100) from the 4x4 evaluation: the information assessment sets the base (1: 90,
     * 2: 70, 3: 50, 4: 30), the source's reliability lowers it (A: 0, B: 10, X: 20, C: 30). No evaluation, none.
     */
    static Integer confidence(Evaluation e) {
        if (e == null) {
            return null;
        }
        int base = switch (e.getInformationAssessment()) {
            case 1 -> 90;
            case 2 -> 70;
            case 3 -> 50;
            default -> 30;
        };
        int minus = switch (e.getSourceReliability()) {
            case A -> 0;
            case B -> 10;
            case X -> 20;
            case C -> 30;
        };
        return base - minus;
    }

    private static ObjectNode place(TraffickingAlert a, String ref, Versioning v, Markings markings) {
        Route r = a.getRoute();
        if (r.getCoordinates() == null && r.getPlaceName() == null) {
            return null;
        }
        ObjectNode l = CorridorObjects.versioned("location", StixIds.of("location", ref + "/place"), v);
        l.put("created_by_ref", StixIds.agency(a.getOriginAgency().getAgencyId()));
        if (r.getPlaceName() != null) {
            l.put("name", r.getPlaceName());
        }
        l.put("country", r.getEventCountry());
        if (r.getCoordinates() != null) {
            l.put("latitude", r.getCoordinates().getLatitude());
            l.put("longitude", r.getCoordinates().getLongitude());
        }
        mark(l, markings);
        return l;
    }

    private static ObjectNode observed(TraffickingAlert a, String ref, Versioning v, Markings markings, String consignment,
                                       boolean revoked) {
        ObjectNode o = CorridorObjects.versioned("observed-data", StixIds.of("observed-data", ref + "/observed-data"), v);
        o.put("created_by_ref", StixIds.agency(a.getOriginAgency().getAgencyId()));
        o.put("first_observed", StixTime.of(a.getOccurredOn()));
        o.put("last_observed", StixTime.of(a.getOccurredOn()));
        o.put("number_observed", 1);
        o.putArray("object_refs").add(consignment);
        if (revoked) {
            o.put("revoked", true);
        }
        mark(o, markings);
        ObjectNode e = CorridorObjects.extension(o, "property-extension");
        e.put("occurred_on", a.getOccurredOn().toString());
        Route r = a.getRoute();
        e.put("event_country", r.getEventCountry());
        putIfSet(e, "origin_country", r.getOriginCountry());
        putAll(e, "transit_countries", r.getTransitCountries());
        putIfSet(e, "destination_country", r.getDestinationCountry());
        putIfSet(e, "place_name", r.getPlaceName());
        e.put("transport_mode", a.getTransportMode().name());
        return o;
    }

    private static ObjectNode report(TraffickingAlert a, Versioning v, Markings markings, List<String> refs, boolean revoked) {
        String agency = a.getOriginAgency().getAgencyId();
        ObjectNode r = CorridorObjects.versioned("report", StixIds.report(agency, a.getAlertId()), v);
        r.put("created_by_ref", StixIds.agency(agency));
        r.put("name", a.getSummary());
        putIfSet(r, "description", a.getDetails());
        r.put("published", StixTime.of(a.getReportedAt()));
        r.putArray("report_types").add("observed-data");
        ArrayNode objectRefs = r.putArray("object_refs");
        refs.forEach(objectRefs::add);
        r.put("lang", a.getLanguage());
        Integer confidence = confidence(a.getEvaluation());
        if (confidence != null) {
            r.put("confidence", confidence);
        }
        if (revoked) {
            r.put("revoked", true);
        }
        mark(r, markings);
        ObjectNode e = CorridorObjects.extension(r, "property-extension");
        e.put("alert_ref", agency + "/" + a.getAlertId());
        e.put("alert_id", a.getAlertId().toString());
        e.put("alert_version", a.getVersion());
        e.put("lifecycle", a.getLifecycle().name());
        putIfSet(e, "retraction_reason", a.getRetractionReason());
        e.put("alert_kind", a.getKind().name());
        e.put("priority", a.getPriority().name());
        e.put("agency_country", a.getOriginAgency().getCountry());
        handling(e, a.getHandling());
        if (a.getEvaluation() != null) {
            e.put("source_reliability", a.getEvaluation().getSourceReliability().name());
            e.put("information_assessment", a.getEvaluation().getInformationAssessment());
        }
        putAll(e, "related_alert_ids", a.getRelatedAlertIds().stream().map(UUID::toString).toList());
        return r;
    }

    static void handling(ObjectNode e, Handling h) {
        e.put("tlp", h.getTlp().name());
        e.put("handling_code", h.getHandlingCode().name());
        putIfSet(e, "handling_restriction", h.getHandlingRestriction());
        putAll(e, "addressed_to", h.getAddressedTo());
        putAll(e, "releasable_to", h.getReleasableTo());
        putAll(e, "not_releasable_to", h.getNotReleasableTo());
        e.put("relaxes", h.getRelaxes());
    }

    static void mark(ObjectNode o, Markings markings) {
        ArrayNode refs = o.putArray("object_marking_refs");
        markings.refs().forEach(refs::add);
    }

    static void putIfSet(ObjectNode o, String name, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(name, value);
        }
    }

    /** A list property, left out when empty: STIX lists have at least one item. */
    static void putAll(ObjectNode o, String name, List<?> values) {
        if (!values.isEmpty()) {
            ArrayNode list = o.putArray(name);
            values.forEach(x -> list.add(String.valueOf(x)));
        }
    }

    static ObjectNode node() {
        return NODES.objectNode();
    }
}

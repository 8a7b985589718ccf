package org.corridor.schemas.stix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.stix.StixFields.Part;
import org.corridor.schemas.validation.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads alerts from a TAXII envelope (or STIX bundle) in Corridor's mapping (docs/stix.md), the way back from
 * {@link AlertStix}: each {@code report} with Corridor's extension, its {@code observed-data}, the place's
 * {@code location} and the {@code corridor-consignment} become one alert in its JSON form, read by {@link AlertJson}.
 * Every problem is a {@link Violation} at the envelope's property ({@code objects[3].extensions.<ext>.priority}) with
 * the alert field it maps to; the caller validates the alert as any other and locates those violations with
 * {@link Posted#located}. What the exchange sets (the version, the agency, when it was reported) is not read. Pure.
 */
public final class StixAlertReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StixAlertReader() {
    }

    /**
     * One report of the envelope read as an alert.
     *
     * @param index      the report's place in {@code objects}
     * @param id         its STIX id
     * @param version    its {@code modified} (else {@code created}), as TAXII statuses name versions; may be null
     * @param createdBy  its {@code created_by_ref}, for the caller to check against the publishing agency; may be null
     * @param parts      the places in {@code objects} of the report and every object it refers to, directly or not
     * @param alert      the alert read, possibly incomplete (null when the report could not be read at all)
     * @param violations what is wrong, located in the envelope; empty when the alert may go on to validation
     */
    public record Posted(int index, String id, String version, String createdBy, Set<Integer> parts, TraffickingAlert alert,
                         List<Violation> violations, Where where) {
        public boolean ok() {
            return violations.isEmpty() && alert != null;
        }

        /** Violations of alert fields (the validator's) told at the envelope's properties they came from. */
        public List<Violation> located(List<Violation> alertViolations) {
            return alertViolations.stream().map(where::locate).toList();
        }
    }

    /** The envelope read: its reports, the places of objects no report refers to, and a problem of the whole. */
    public record Envelope(int total, List<Posted> reports, Set<Integer> unreferenced, Violation problem) {
    }

    /** Where the parts of one alert are in {@code objects} (-1: absent). */
    public record Where(int report, int observed, int place, int consignment) {

        Violation locate(Violation v) {
            StixFields.Field f = StixFields.locate(v.path());
            return new Violation(at(f.part(), f.property()), v.message() + " (alert field " + v.path() + ")");
        }

        String at(Part part, String property) {
            return switch (part) {
                case REPORT -> "objects[" + report + "]." + property;
                case REPORT_EXTENSION -> "objects[" + report + "].extensions." + CorridorObjects.EXTENSION + "." + property;
                case OBSERVED_EXTENSION -> observed < 0 ? "objects[" + report + "].object_refs"
                        : "objects[" + observed + "].extensions." + CorridorObjects.EXTENSION + "." + property;
                case PLACE -> place < 0 ? "objects[" + report + "].object_refs" : "objects[" + place + "]." + property;
                case CONSIGNMENT -> consignment >= 0 ? "objects[" + consignment + "]." + property
                        : observed >= 0 ? "objects[" + observed + "].object_refs" : "objects[" + report + "].object_refs";
            };
        }
    }

    /** Reads every report of the envelope; a problem of the envelope itself leaves no reports. */
    public static Envelope read(JsonNode envelope) {
        if (envelope == null || !envelope.isObject() || !envelope.path("objects").isArray() || envelope.get("objects").isEmpty()) {
            return new Envelope(0, List.of(), Set.of(), new Violation("objects", "must be a non-empty array of STIX objects"));
        }
        ArrayNode objects = (ArrayNode) envelope.get("objects");
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            if (!o.isObject() || !o.path("type").isString() || !o.path("id").isString()) {
                return new Envelope(objects.size(), List.of(), Set.of(),
                        new Violation("objects[" + i + "]", "must be a STIX object with a type and an id"));
            }
            byId.putIfAbsent(o.get("id").asString(), i);
        }
        List<Posted> reports = new ArrayList<>();
        Set<Integer> referenced = new TreeSet<>();
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).get("type").asString().equals("report")) {
                Posted p = new Report(objects, byId, i).read();
                reports.add(p);
                referenced.addAll(p.parts());
            }
        }
        Set<Integer> unreferenced = new TreeSet<>();
        for (int i = 0; i < objects.size(); i++) {
            if (!referenced.contains(i)) {
                unreferenced.add(i);
            }
        }
        return new Envelope(objects.size(), reports, unreferenced, null);
    }

    /** The reading of one report. */
    private static final class Report {
        private final ArrayNode objects;
        private final Map<String, Integer> byId;
        private final int index;
        private final ObjectNode report;
        private final List<Violation> violations = new ArrayList<>();
        private final ObjectNode alert = NODES.objectNode();

        Report(ArrayNode objects, Map<String, Integer> byId, int index) {
            this.objects = objects;
            this.byId = byId;
            this.index = index;
            this.report = (ObjectNode) objects.get(index);
        }

        Posted read() {
            Set<Integer> parts = StixRefs.closure(objects, byId, index);
            String id = report.get("id").asString();
            String version = report.path("modified").asString(report.path("created").asString(null));
            String createdBy = report.path("created_by_ref").asString(null);
            int observed = referenced("observed-data", true);
            int place = place();
            int consignment = observed < 0 ? -1 : StixRefs.first(objects, byId, objects.get(observed), CorridorObjects.CONSIGNMENT);
            Where where = new Where(index, observed, place, consignment);
            ObjectNode ext = extension(report, where.at(Part.REPORT, "extensions"));
            copy(report, Part.REPORT, where);
            if (ext != null) {
                copy(ext, Part.REPORT_EXTENSION, where);
                unknown(ext, Part.REPORT_EXTENSION, where);
            }
            if (observed >= 0) {
                ObjectNode o = (ObjectNode) objects.get(observed);
                ObjectNode oext = extension(o, "objects[" + observed + "].extensions");
                if (oext != null) {
                    copy(oext, Part.OBSERVED_EXTENSION, where);
                    unknown(oext, Part.OBSERVED_EXTENSION, where);
                }
                if (!alert.has("occurredOn") && o.path("first_observed").isString() && o.get("first_observed").asString().length() >= 10) {
                    alert.put("occurredOn", o.get("first_observed").asString().substring(0, 10));
                }
            }
            if (place >= 0) {
                place((ObjectNode) objects.get(place));
            }
            if (consignment >= 0) {
                ObjectNode c = (ObjectNode) objects.get(consignment);
                copy(c, Part.CONSIGNMENT, where);
                unknown(c, Part.CONSIGNMENT, where);
            }
            lifecycle(where);
            tlp(where);
            evaluation();
            if (!violations.isEmpty()) {
                return new Posted(index, id, version, createdBy, parts, null, List.copyOf(violations), where);
            }
            AlertJson.Read read = AlertJson.read(alert);
            List<Violation> all = new ArrayList<>(read.violations().stream().map(where::locate).toList());
            return new Posted(index, id, version, createdBy, parts, read.alert(), all, where);
        }

        /** The one object of the type the report refers to, or -1 (with a violation when required). */
        private int referenced(String type, boolean required) {
            List<Integer> found = StixRefs.referred(objects, byId, report, type);
            if (found.size() == 1) {
                return found.get(0);
            }
            if (required || found.size() > 1) {
                violations.add(new Violation("objects[" + index + "].object_refs", "must refer to exactly one " + type
                        + " object of this envelope; found " + found.size()));
            }
            return -1;
        }

        /** The place of the event: a location of the report with coordinates or a name (countries alone are route data). */
        private int place() {
            for (int i : StixRefs.referred(objects, byId, report, "location")) {
                JsonNode l = objects.get(i);
                if (l.has("latitude") || l.has("name")) {
                    return i;
                }
            }
            return -1;
        }

        private ObjectNode extension(ObjectNode o, String at) {
            JsonNode e = o.path("extensions").path(CorridorObjects.EXTENSION);
            if (!e.isObject()) {
                violations.add(new Violation(at, "must hold Corridor's extension " + CorridorObjects.EXTENSION + " (docs/stix.md)"));
                return null;
            }
            return (ObjectNode) e;
        }

        private void copy(ObjectNode from, Part part, Where where) {
            for (StixFields.Field f : StixFields.of(part)) {
                JsonNode v = from.get(f.property());
                if (v == null || v.isNull()) {
                    continue;
                }
                if (f.alertPath().equals("substances")) {
                    v = substances(v, where);
                }
                set(f.alertPath(), v);
            }
        }

        private JsonNode substances(JsonNode v, Where where) {
            if (!v.isArray()) {
                return v;  // AlertJson names the type problem
            }
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < v.size(); i++) {
                JsonNode s = v.get(i);
                if (!s.isObject()) {
                    out.add(s);
                    continue;
                }
                ObjectNode item = out.addObject();
                for (var p : s.properties()) {
                    String field = StixFields.SUBSTANCE.entrySet().stream().filter(e -> e.getValue().equals(p.getKey()))
                            .map(Map.Entry::getKey).findFirst().orElse(null);
                    if (field == null) {
                        violations.add(new Violation(where.at(Part.CONSIGNMENT, "substances[" + i + "]." + p.getKey()),
                                "not a property of a substance in Corridor's mapping (docs/stix.md)"));
                    } else if (field.startsWith("quantity.")) {
                        ObjectNode q = item.has("quantity") ? (ObjectNode) item.get("quantity") : item.putObject("quantity");
                        q.set(field.substring("quantity.".length()), p.getValue());
                    } else {
                        item.set(field, p.getValue());
                    }
                }
            }
            return out;
        }

        private void unknown(ObjectNode from, Part part, Where where) {
            Set<String> known = new java.util.HashSet<>(StixFields.WRITTEN_ONLY.getOrDefault(part, Set.of()));
            StixFields.of(part).forEach(f -> known.add(f.property()));
            for (String name : from.propertyNames()) {
                if (!known.contains(name)) {
                    violations.add(new Violation(where.at(part, name), "not a property of Corridor's mapping (docs/stix.md)"));
                }
            }
        }

        private void place(ObjectNode l) {
            if (l.has("latitude") || l.has("longitude")) {
                ObjectNode c = NODES.objectNode();
                c.set("latitude", l.get("latitude"));
                c.set("longitude", l.get("longitude"));
                ((ObjectNode) path("route")).set("coordinates", c);
            }
            if (l.path("name").isString() && !alert.path("route").has("placeName")) {
                ((ObjectNode) path("route")).set("placeName", l.get("name"));
            }
        }

        /** {@code revoked: true} is a retraction; the extension may say so too, never otherwise. */
        private void lifecycle(Where where) {
            if (!report.path("revoked").asBoolean(false)) {
                return;
            }
            JsonNode said = alert.get("lifecycle");
            if (said != null && !said.asString("").equals("RETRACTION")) {
                violations.add(new Violation(where.at(Part.REPORT, "revoked"), "a revoked report is a retraction; the "
                        + "extension's lifecycle says " + said.asString()));
            }
            alert.put("lifecycle", "RETRACTION");
        }

        /** The official TLP marking the report carries decides the TLP when the extension does not; they must agree. */
        private void tlp(Where where) {
            List<Tlp> marked = new ArrayList<>();
            for (JsonNode ref : report.path("object_marking_refs")) {
                for (Tlp t : Tlp.values()) {
                    if (TlpMarkings.id(t).equals(ref.asString(""))) {
                        marked.add(t);
                    }
                }
            }
            if (marked.size() > 1) {
                violations.add(new Violation(where.at(Part.REPORT, "object_marking_refs"), "holds " + marked.size()
                        + " TLP markings; a report has one"));
                return;
            }
            JsonNode said = alert.path("handling").get("tlp");
            if (marked.isEmpty()) {
                return;
            }
            String tlp = marked.get(0).name();
            if (said == null) {
                ((ObjectNode) path("handling")).put("tlp", tlp);
            } else if (!said.asString("").replace('+', '_').equals(tlp)) {
                violations.add(new Violation(where.at(Part.REPORT, "object_marking_refs"), "marks TLP:" + tlp.replace('_', '+')
                        + " but the extension's tlp says " + said.asString()));
            }
        }

        /** Both evaluation properties or neither: AlertJson reads one without the other as the missing one. */
        private void evaluation() {
            JsonNode e = alert.get("evaluation");
            if (e != null && e.isEmpty()) {
                alert.remove("evaluation");
            }
        }

        private void set(String alertPath, JsonNode value) {
            int dot = alertPath.lastIndexOf('.');
            ObjectNode parent = dot < 0 ? alert : (ObjectNode) path(alertPath.substring(0, dot));
            parent.set(alertPath.substring(dot + 1), value);
        }

        private JsonNode path(String dotted) {
            ObjectNode at = alert;
            for (String part : dotted.split("\\.")) {
                at = at.has(part) && at.get(part).isObject() ? (ObjectNode) at.get(part) : at.putObject(part);
            }
            return at;
        }
    }
}

package org.corridor.web.officer;

import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compose form: one substance, the route, the markings. It checks nothing itself; {@link #toJson()} gives the
 * alert's JSON form and the exchange's validator decides (its findings come back by JSON path, {@link FormFields}).
 * A blank field is left out, so the contract's defaults and rules apply as they do to REST.
 */
public class AlertForm {

    private String kind = "SEIZURE";
    private String priority = "ROUTINE";
    private String occurredOn = "";
    private String substanceName = "";
    private String substanceCategory = "";
    private String casNumber = "";
    private String amount = "";
    private String unit = "KG";
    private String eventCountry = "";
    private String originCountry = "";
    private String transitCountries = "";
    private String destinationCountry = "";
    private String placeName = "";
    private String transportMode = "NOT_SPECIFIED";
    private String summary = "";
    private String details = "";
    private String language = "en";
    private String tlp = "AMBER";
    private String handlingCode = "H0";
    private String addressedTo = "";
    private String notReleasableTo = "";

    /** The alert's JSON form. */
    public ObjectNode toJson() {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        put(a, "kind", kind);
        put(a, "priority", priority);
        put(a, "occurredOn", occurredOn);
        ObjectNode substance = a.putArray("substances").addObject();
        put(substance, "name", substanceName);
        put(substance, "category", substanceCategory);
        put(substance, "casNumber", casNumber);
        if (!blank(amount)) {
            ObjectNode q = substance.putObject("quantity");
            q.put("amount", amount.trim());
            put(q, "unit", unit);
        }
        ObjectNode route = a.putObject("route");
        put(route, "eventCountry", upper(eventCountry));
        put(route, "originCountry", upper(originCountry));
        list(route, "transitCountries", upper(transitCountries));
        put(route, "destinationCountry", upper(destinationCountry));
        put(route, "placeName", placeName);
        put(a, "transportMode", transportMode);
        put(a, "summary", summary);
        put(a, "details", details);
        put(a, "language", language);
        ObjectNode handling = a.putObject("handling");
        put(handling, "tlp", tlp);
        put(handling, "handlingCode", handlingCode);
        list(handling, "addressedTo", upper(addressedTo));
        list(handling, "notReleasableTo", upper(notReleasableTo));
        return a;
    }

    /** Fields the exchange sets on each version; a correction never sends them. */
    private static final List<String> SET_BY_THE_EXCHANGE = List.of("version", "lifecycle", "reportedAt", "originAgency",
            "retractionReason");
    private static final List<String> TOP = List.of("kind", "priority", "occurredOn", "transportMode", "summary", "details",
            "language");
    private static final List<String> SUBSTANCE = List.of("name", "category", "casNumber", "quantity");
    private static final List<String> ROUTE = List.of("eventCountry", "originCountry", "transitCountries",
            "destinationCountry", "placeName");
    private static final List<String> HANDLING = List.of("tlp", "handlingCode", "addressedTo", "notReleasableTo");

    /** The form filled from an alert version's JSON form (what a correction starts from): its first substance. */
    public static AlertForm of(JsonNode alert) {
        AlertForm f = new AlertForm();
        f.kind = text(alert, "kind", f.kind);
        f.priority = text(alert, "priority", f.priority);
        f.occurredOn = text(alert, "occurredOn", "");
        JsonNode substance = alert.path("substances").path(0);
        f.substanceName = text(substance, "name", "");
        f.substanceCategory = text(substance, "category", "");
        f.casNumber = text(substance, "casNumber", "");
        f.amount = text(substance.path("quantity"), "amount", "");
        f.unit = text(substance.path("quantity"), "unit", f.unit);
        JsonNode route = alert.path("route");
        f.eventCountry = text(route, "eventCountry", "");
        f.originCountry = text(route, "originCountry", "");
        f.transitCountries = joined(route.path("transitCountries"));
        f.destinationCountry = text(route, "destinationCountry", "");
        f.placeName = text(route, "placeName", "");
        f.transportMode = text(alert, "transportMode", f.transportMode);
        f.summary = text(alert, "summary", "");
        f.details = text(alert, "details", "");
        f.language = text(alert, "language", f.language);
        JsonNode handling = alert.path("handling");
        f.tlp = text(handling, "tlp", f.tlp);
        f.handlingCode = text(handling, "handlingCode", f.handlingCode);
        f.addressedTo = joined(handling.path("addressedTo"));
        f.notReleasableTo = joined(handling.path("notReleasableTo"));
        return f;
    }

    /**
     * The correction of that version: its JSON form with what this form edits replaced (a blank field removed), and
     * what the form does not show (further substances, identifiers, evaluation, other route and handling fields) kept
     * as it was. The fields the exchange sets on each version are left out.
     */
    public ObjectNode applyTo(JsonNode latest) {
        ObjectNode edited = toJson();
        ObjectNode out = latest.isObject() ? (ObjectNode) latest.deepCopy() : JsonNodeFactory.instance.objectNode();
        SET_BY_THE_EXCHANGE.forEach(out::remove);
        replace(out, edited, TOP);
        ArrayNode substances = out.path("substances").isArray() ? (ArrayNode) out.get("substances") : out.putArray("substances");
        if (substances.isEmpty() || !substances.get(0).isObject()) {
            substances.insertObject(0);
        }
        replace((ObjectNode) substances.get(0), edited.path("substances").path(0), SUBSTANCE);
        replace(object(out, "route"), edited.path("route"), ROUTE);
        replace(object(out, "handling"), edited.path("handling"), HANDLING);
        return out;
    }

    /** What of that version the form does not show and a correction keeps: top-level fields, and further substances. */
    public static List<String> kept(JsonNode latest) {
        List<String> kept = new java.util.ArrayList<>();
        latest.propertyNames().forEach(name -> {
            if (!SET_BY_THE_EXCHANGE.contains(name) && !TOP.contains(name) && !name.equals("alertId")
                    && !name.equals("substances") && !name.equals("route") && !name.equals("handling")
                    && !latest.get(name).isNull() && !(latest.get(name).isContainer() && latest.get(name).isEmpty())) {
                kept.add(name);
            }
        });
        for (int i = 1; i < latest.path("substances").size(); i++) {
            kept.add("substances[" + i + "]");
        }
        return kept;
    }

    private static void replace(ObjectNode target, JsonNode source, List<String> fields) {
        for (String field : fields) {
            JsonNode value = source.get(field);
            if (value == null || value.isNull()) {
                target.remove(field);
            } else {
                target.set(field, value);
            }
        }
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.path(field).isObject() ? (ObjectNode) parent.get(field) : parent.putObject(field);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainer() ? otherwise : v.asString();
    }

    private static String joined(JsonNode array) {
        List<String> items = new java.util.ArrayList<>();
        array.forEach(i -> items.add(i.asString()));
        return String.join(", ", items);
    }

    private static void put(ObjectNode o, String field, String value) {
        if (!blank(value)) {
            o.put(field, value.trim());
        }
    }

    private static void list(ObjectNode o, String field, String commaSeparated) {
        ArrayNode array = o.putArray(field);
        items(commaSeparated).forEach(array::add);
    }

    static List<String> items(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    /** The value of a field by its name (for the form's templates). */
    public String value(String field) {
        Object v = new org.springframework.beans.BeanWrapperImpl(this).getPropertyValue(field);
        return v == null ? "" : v.toString();
    }

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getPriority() { return priority; }
    public void setPriority(String v) { priority = v; }
    public String getOccurredOn() { return occurredOn; }
    public void setOccurredOn(String v) { occurredOn = v; }
    public String getSubstanceName() { return substanceName; }
    public void setSubstanceName(String v) { substanceName = v; }
    public String getSubstanceCategory() { return substanceCategory; }
    public void setSubstanceCategory(String v) { substanceCategory = v; }
    public String getCasNumber() { return casNumber; }
    public void setCasNumber(String v) { casNumber = v; }
    public String getAmount() { return amount; }
    public void setAmount(String v) { amount = v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v; }
    public String getEventCountry() { return eventCountry; }
    public void setEventCountry(String v) { eventCountry = v; }
    public String getOriginCountry() { return originCountry; }
    public void setOriginCountry(String v) { originCountry = v; }
    public String getTransitCountries() { return transitCountries; }
    public void setTransitCountries(String v) { transitCountries = v; }
    public String getDestinationCountry() { return destinationCountry; }
    public void setDestinationCountry(String v) { destinationCountry = v; }
    public String getPlaceName() { return placeName; }
    public void setPlaceName(String v) { placeName = v; }
    public String getTransportMode() { return transportMode; }
    public void setTransportMode(String v) { transportMode = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public String getDetails() { return details; }
    public void setDetails(String v) { details = v; }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v; }
    public String getTlp() { return tlp; }
    public void setTlp(String v) { tlp = v; }
    public String getHandlingCode() { return handlingCode; }
    public void setHandlingCode(String v) { handlingCode = v; }
    public String getAddressedTo() { return addressedTo; }
    public void setAddressedTo(String v) { addressedTo = v; }
    public String getNotReleasableTo() { return notReleasableTo; }
    public void setNotReleasableTo(String v) { notReleasableTo = v; }
}

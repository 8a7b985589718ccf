package org.corridor.schemas.stix;

import java.util.List;

import org.corridor.schemas.avro.Company;
import org.corridor.schemas.avro.Identifiers;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportDocument;
import org.corridor.schemas.avro.Vehicle;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code corridor-consignment} cyber-observable of an alert version (Corridor's new SCO): the substances with
 * their quantities, the concealment, and the identifiers of the goods and their carriage (containers, vessels,
 * vehicles, flights, transport documents, companies; never a natural person). SCOs have no versions, so each alert
 * version has its own, by id. Pure.
 */
final class Consignments {

    private Consignments() {
    }

    static ObjectNode of(TraffickingAlert a, String ref, Markings markings) {
        ObjectNode c = AlertStix.node();
        c.put("type", CorridorObjects.CONSIGNMENT);
        c.put("spec_version", "2.1");
        c.put("id", StixIds.of(CorridorObjects.CONSIGNMENT, ref + "/v" + a.getVersion()));
        if (!a.getSubstances().isEmpty()) {
            ArrayNode substances = c.putArray("substances");
            for (Substance s : a.getSubstances()) {
                substances.add(substance(s));
            }
        }
        AlertStix.putIfSet(c, "concealment_method", a.getConcealmentMethod());
        c.put("transport_mode", a.getTransportMode().name());
        identifiers(c, a.getIdentifiers());
        AlertStix.mark(c, markings);
        CorridorObjects.extension(c, "new-sco");
        return c;
    }

    private static ObjectNode substance(Substance s) {
        ObjectNode o = AlertStix.node();
        o.put("name", s.getName());
        o.put("category", s.getCategory().name());
        AlertStix.putIfSet(o, "cas_number", s.getCasNumber());
        if (s.getQuantity() != null) {
            o.put("amount", s.getQuantity().getAmount());
            o.put("unit", s.getQuantity().getUnit().name());
        }
        if (s.getPurityPercent() != null) {
            o.put("purity_percent", s.getPurityPercent());
        }
        return o;
    }

    private static void identifiers(ObjectNode c, Identifiers ids) {
        if (ids == null) {
            return;
        }
        AlertStix.putAll(c, "containers", ids.getContainers());
        AlertStix.putAll(c, "vessels", ids.getVessels());
        AlertStix.putAll(c, "flights", ids.getFlights());
        objects(c, "vehicles", ids.getVehicles(), (Vehicle v, ObjectNode o) -> o.put("country", v.getCountry()).put("plate", v.getPlate()));
        objects(c, "transport_documents", ids.getTransportDocuments(),
                (TransportDocument d, ObjectNode o) -> o.put("kind", d.getKind().name()).put("reference", d.getReference()));
        objects(c, "companies", ids.getCompanies(),
                (Company x, ObjectNode o) -> o.put("role", x.getRole().name()).put("name", x.getName()).put("country", x.getCountry()));
    }

    private interface Fill<T> {
        void into(T value, ObjectNode node);
    }

    private static <T> void objects(ObjectNode c, String name, List<T> values, Fill<T> fill) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode list = c.putArray(name);
        for (T v : values) {
            ObjectNode o = AlertStix.node();
            fill.into(v, o);
            list.add(o);
        }
    }
}

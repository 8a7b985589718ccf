package org.corridor.consumer.misp;

import java.util.ArrayList;
import java.util.List;

import org.corridor.schemas.avro.Company;
import org.corridor.schemas.avro.Identifiers;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportDocument;
import org.corridor.schemas.avro.Vehicle;

/**
 * The MISP attributes of an alert version (docs/misp.md): MISP has no types for trafficking, so the alert's facts are
 * {@code text} attributes of category {@code Other} (quantities {@code float}) with a comment naming the field, and the
 * alert's reference one of category {@code Internal reference}. None is an indicator ({@code to_ids} is false). Pure.
 */
final class MispAttributes {

    private static final String OTHER = "Other";

    private MispAttributes() {
    }

    static List<MispAttribute> of(TraffickingAlert a) {
        List<MispAttribute> out = new ArrayList<>();
        out.add(MispAttribute.text("Internal reference", a.getOriginAgency().getAgencyId() + "/" + a.getAlertId(),
                "Corridor alert reference (agency/alert id)"));
        out.add(MispAttribute.text(OTHER, a.getKind().name(), "kind"));
        out.add(MispAttribute.text(OTHER, a.getOccurredOn().toString(), "occurredOn"));
        if (a.getDetails() != null && !a.getDetails().isBlank()) {
            out.add(MispAttribute.text(OTHER, a.getDetails(), "details"));
        }
        for (int i = 0; i < a.getSubstances().size(); i++) {
            substance(out, "substances[" + i + "]", a.getSubstances().get(i));
        }
        route(out, a.getRoute());
        out.add(MispAttribute.text(OTHER, a.getTransportMode().name(), "transportMode"));
        if (a.getConcealmentMethod() != null && !a.getConcealmentMethod().isBlank()) {
            out.add(MispAttribute.text(OTHER, a.getConcealmentMethod(), "concealmentMethod"));
        }
        identifiers(out, a.getIdentifiers());
        return out;
    }

    private static void substance(List<MispAttribute> out, String path, Substance s) {
        out.add(MispAttribute.text(OTHER, s.getName(), path + ".name (" + s.getCategory() + ")"));
        if (s.getCasNumber() != null) {
            out.add(MispAttribute.text(OTHER, s.getCasNumber(), path + ".casNumber"));
        }
        if (s.getQuantity() != null) {
            out.add(new MispAttribute(OTHER, "float", s.getQuantity().getAmount().stripTrailingZeros().toPlainString(),
                    path + ".quantity in " + s.getQuantity().getUnit()));
        }
        if (s.getPurityPercent() != null) {
            out.add(new MispAttribute(OTHER, "float", String.valueOf(s.getPurityPercent()), path + ".purityPercent"));
        }
    }

    private static void route(List<MispAttribute> out, Route r) {
        out.add(MispAttribute.text(OTHER, r.getEventCountry(), "route.eventCountry (ISO 3166-1 alpha-2)"));
        if (r.getOriginCountry() != null) {
            out.add(MispAttribute.text(OTHER, r.getOriginCountry(), "route.originCountry (ISO 3166-1 alpha-2)"));
        }
        for (String transit : r.getTransitCountries()) {
            out.add(MispAttribute.text(OTHER, transit, "route.transitCountries (ISO 3166-1 alpha-2)"));
        }
        if (r.getDestinationCountry() != null) {
            out.add(MispAttribute.text(OTHER, r.getDestinationCountry(), "route.destinationCountry (ISO 3166-1 alpha-2)"));
        }
        if (r.getPlaceName() != null && !r.getPlaceName().isBlank()) {
            out.add(MispAttribute.text(OTHER, r.getPlaceName(), "route.placeName"));
        }
        if (r.getCoordinates() != null) {
            out.add(MispAttribute.text(OTHER, r.getCoordinates().getLatitude() + "," + r.getCoordinates().getLongitude(),
                    "route.coordinates (WGS 84 latitude,longitude)"));
        }
    }

    private static void identifiers(List<MispAttribute> out, Identifiers ids) {
        if (ids == null) {
            return;
        }
        ids.getContainers().forEach(c -> out.add(MispAttribute.text(OTHER, c, "identifiers.containers (ISO 6346)")));
        ids.getVessels().forEach(v -> out.add(MispAttribute.text(OTHER, v, "identifiers.vessels (IMO number)")));
        ids.getFlights().forEach(f -> out.add(MispAttribute.text(OTHER, f, "identifiers.flights")));
        for (Vehicle v : ids.getVehicles()) {
            out.add(MispAttribute.text(OTHER, v.getCountry() + " " + v.getPlate(), "identifiers.vehicles (country plate)"));
        }
        for (TransportDocument d : ids.getTransportDocuments()) {
            out.add(MispAttribute.text(OTHER, d.getReference(), "identifiers.transportDocuments (" + d.getKind() + ")"));
        }
        for (Company c : ids.getCompanies()) {
            out.add(MispAttribute.text(OTHER, c.getName() + " (" + c.getCountry() + ")", "identifiers.companies (" + c.getRole() + ")"));
        }
    }
}

package org.corridor.consumer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Route;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportMode;

/**
 * A neutral alert that concerns nobody (a trafficking route inside Brazil, AMBER, no substances), for tests that
 * change one thing and check who it then concerns.
 */
public final class Alerts {

    private Alerts() {
    }

    public static TraffickingAlert.Builder neutral() {
        return TraffickingAlert.newBuilder()
                .setAlertId(UUID.randomUUID())
                .setVersion(1)
                .setLifecycle(Lifecycle.NEW)
                .setOriginAgency(new Agency("br-federal-police", "BR", "Policia Federal"))
                .setKind(AlertKind.TRAFFICKING_ROUTE)
                .setPriority(Priority.ROUTINE)
                .setOccurredOn(LocalDate.of(2026, 11, 1))
                .setReportedAt(Instant.parse("2026-11-02T10:00:00Z"))
                .setSubstances(new ArrayList<>())
                .setRoute(new Route("BR", null, new ArrayList<>(), null, null, null))
                .setTransportMode(TransportMode.NOT_SPECIFIED)
                .setSummary("a route")
                .setLanguage("en")
                .setHandling(new Handling(Tlp.AMBER, HandlingCode.H0, null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), false))
                .setRelatedAlertIds(new ArrayList<>());
    }

    public static Substance substance(String name, SubstanceCategory category, String cas, String amount, QuantityUnit unit) {
        return new Substance(name, category, cas, amount == null ? null : new Quantity(new BigDecimal(amount).setScale(3), unit), null);
    }

    public static Route route(String event, String origin, List<String> transit, String destination) {
        return new Route(event, origin, new ArrayList<>(transit), destination, null, null);
    }
}

package org.corridor.consumer.linking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.EffectiveMarkings;
import org.corridor.schemas.avro.Identifiers;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;

/** Two agencies' reports of one heroin seizure (the same container), and the router's decision on a version. */
final class TwoReports {

    static final String CONTAINER = "MSCU1234566";

    private TwoReports() {
    }

    static TraffickingAlert tajik() {
        TraffickingAlert a = SampleAlerts.heroinSeizure().build();
        a.setIdentifiers(identifiers(CONTAINER));
        return a;
    }

    /** kz-customs' report of the same seizure: its own id, a day later. */
    static TraffickingAlert kazakh() {
        TraffickingAlert a = SampleAlerts.heroinSeizure().build();
        a.setAlertId(UUID.fromString("7b2e4c1a-9d3f-4e8b-b6a5-2c1d0e9f8a73"));
        a.setOriginAgency(new Agency("kz-customs", "KZ", "State Revenue Committee of Kazakhstan, customs"));
        a.setOccurredOn(a.getOccurredOn().plusDays(1));
        a.setIdentifiers(identifiers(CONTAINER));
        return a;
    }

    static Identifiers identifiers(String container) {
        return Identifiers.newBuilder().setContainers(new ArrayList<>(List.of(container))).setVessels(new ArrayList<>())
                .setVehicles(new ArrayList<>()).setFlights(new ArrayList<>()).setTransportDocuments(new ArrayList<>())
                .setCompanies(new ArrayList<>()).build();
    }

    /** The router's decision on the alert's version: its recipients and the markings it applied. */
    /** The alert's ref, {@code <agency>/<alert id>}: the key of its routed versions. */
    static String ref(TraffickingAlert alert) {
        return alert.getOriginAgency().getAgencyId() + "/" + alert.getAlertId();
    }

    static RoutingDecision decision(TraffickingAlert alert, List<String> recipients, EffectiveMarkings markings, Instant at) {
        return RoutingDecision.newBuilder()
                .setAlertId(alert.getAlertId())
                .setAlertVersion(alert.getVersion())
                .setOriginAgency(alert.getOriginAgency().getAgencyId())
                .setRecipients(new ArrayList<>(recipients))
                .setWithheld(new ArrayList<>())
                .setMatchedRules(new ArrayList<>())
                .setDecidedAt(at)
                .setRouterInstance("router-1")
                .setEffectiveMarkings(markings)
                .setRelaxation(null)
                .setPreviousDecisionSha256(null)
                .setResponse(null)
                .build();
    }
}

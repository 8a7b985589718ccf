package org.corridor.bench.routed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.corridor.bench.load.LoadCommand;
import org.corridor.consumer.decision.AuditRecord;
import org.corridor.consumer.decision.History;
import org.corridor.consumer.decision.Outcome;
import org.corridor.consumer.decision.RouteDecider;
import org.corridor.consumer.decision.Triage;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.routing.Relevance;
import org.corridor.consumer.routing.RoutingRules;
import org.corridor.schemas.avro.RoutedVersion;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.validation.AlertValidator;

/**
 * What the router writes to {@code alerts.routed} for the load generator's alerts: each alert (the same content as
 * {@code bench load} publishes for the same seeds) with the decision the router's own rules and release policy make
 * for a first version, as its audit record; an alert the router would refuse is refused here too. Pure.
 */
public final class RoutedVersions {

    /** The instance id the decisions name, so they are never taken for the router's own. */
    static final String INSTANCE = "bench-routed";

    private final AlertValidator validator = AlertValidator.withDefaults();
    private final Triage triage;

    public RoutedVersions() {
        ReferenceData reference = ReferenceData.defaults();
        this.triage = new Triage(validator, new RouteDecider(new Relevance(RoutingRules.defaults(reference), reference),
                new ReleasePolicy(), reference.bodyIds()));
    }

    /** The routed version of a first version of the alert, decided now. */
    public RoutedVersion of(TraffickingAlert alert) {
        if (!validator.validate(alert).isEmpty()) {
            throw new IllegalStateException("the router would refuse generated alert " + alert.getAlertId() + ": "
                    + validator.validate(alert));
        }
        Outcome outcome = triage.decide(alert, History.NONE);
        if (!(outcome instanceof Outcome.Routed routed)) {
            throw new IllegalStateException("the router would not route generated alert " + alert.getAlertId() + ": " + outcome);
        }
        return new RoutedVersion(alert, AuditRecord.of(routed, Instant.now(), INSTANCE, null));
    }

    /** {@code n} routed versions of the load generator's alerts from {@code seedBase}, spread over the agencies. */
    public List<RoutedVersion> of(int n, List<String> agencies, long seedBase) {
        List<RoutedVersion> out = new ArrayList<>(n);
        for (TraffickingAlert a : LoadCommand.alerts(n, agencies, seedBase)) {
            out.add(of(a));
        }
        return out;
    }

    /** The record key the router gives a routed version: {@code <agency>/<alert id>}. */
    public static String key(RoutedVersion v) {
        return v.getAlert().getOriginAgency().getAgencyId() + "/" + v.getAlert().getAlertId();
    }
}

package org.corridor.bench.history;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.corridor.bench.load.LoadCommand;
import org.corridor.consumer.decision.AuditRecord;
import org.corridor.consumer.decision.History;
import org.corridor.consumer.decision.Outcome;
import org.corridor.consumer.decision.RouteDecider;
import org.corridor.consumer.decision.Triage;
import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.router.HistoryCodec;
import org.corridor.consumer.routing.Relevance;
import org.corridor.consumer.routing.RoutingRules;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.validation.AlertValidator;

/**
 * A pool of varied alerts (the load generator's), each decided once by the router's own {@link Triage} under the
 * default rules and release policy as a first version, so the history has the router's real mix of recipients,
 * withheld bodies and rules; every alert of the history is one of them under a fresh id. Deciding once per template
 * instead of once per alert is what makes ten million affordable. Built once; the templates' decisions are mutable
 * Avro records meant for one writing thread.
 */
final class AlertTemplates {

    /** The instance name in the audit of every synthetic decision, so nobody mistakes them for routed ones. */
    static final String INSTANCE = "bench-history";

    /**
     * One decided alert.
     *
     * @param agency          the originating agency
     * @param decision        its audit decision, to be given an id, a time and a chain link per use
     * @param recipientsValue its {@code alerts.recipients} value (the router's format; no id inside, the key is the id)
     * @param recipients      the bodies whose feeds received it, sorted
     * @param deliveredDetail the detail of a DELIVERED receipt as the subscriber writes it ({@code priority=...})
     */
    record Template(String agency, RoutingDecision decision, byte[] recipientsValue, List<String> recipients,
                    String deliveredDetail) {
    }

    private AlertTemplates() {
    }

    /** {@code count} templates spread over the agencies in turn. */
    static List<Template> of(int count, List<String> agencies) {
        if (agencies.isEmpty()) {
            throw new IllegalArgumentException("agencies: the platform has none (agency-tokens.properties is empty)");
        }
        ReferenceData reference = ReferenceData.defaults();
        Triage triage = new Triage(new AlertValidator(reference, Clock.systemUTC()),
                new RouteDecider(new Relevance(RoutingRules.defaults(reference), reference), new ReleasePolicy(), reference.bodyIds()));
        List<Template> templates = new ArrayList<>(count);
        for (long seed = 0; templates.size() < count; seed++) {
            if (seed > 10L * count + 100) {
                throw new IllegalStateException("the sample alerts keep being refused by the router's triage");
            }
            TraffickingAlert alert = LoadCommand.alert(seed, agencies.get(templates.size() % agencies.size()));
            if (triage.decide(alert, History.NONE) instanceof Outcome.Routed routed) {
                templates.add(template(routed));
            }
        }
        return templates;
    }

    private static Template template(Outcome.Routed routed) {
        TraffickingAlert alert = routed.alert();
        Decision d = routed.decision();
        String agency = alert.getOriginAgency().getAgencyId();
        RoutingDecision decision = AuditRecord.of(routed, alert.getReportedAt(), INSTANCE, null);
        return new Template(agency, decision, HistoryCodec.encode(routed.history()), List.copyOf(d.recipients()),
                "priority=" + alert.getPriority());
    }
}

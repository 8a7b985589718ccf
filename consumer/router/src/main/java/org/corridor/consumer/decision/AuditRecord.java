package org.corridor.consumer.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.Markings;
import org.corridor.consumer.policy.Withheld;
import org.corridor.schemas.avro.EffectiveMarkings;
import org.corridor.schemas.avro.Relaxation;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.WithheldBody;

/** The audit record of a routed alert version: who received it, who was withheld and why, under which markings. */
public final class AuditRecord {

    private AuditRecord() {
    }

    /**
     * @param decidedAt              when the router decided
     * @param previousDecisionSha256 the hash of the record before it in its audit partition (null for the first)
     */
    public static RoutingDecision of(Outcome.Routed routed, Instant decidedAt, String instanceId, String previousDecisionSha256) {
        TraffickingAlert alert = routed.alert();
        Decision decision = routed.decision();
        List<WithheldBody> withheld = new ArrayList<>();
        for (Withheld w : decision.withheld()) {
            withheld.add(new WithheldBody(w.body(), w.reason(), w.detail()));
        }
        Set<String> rules = new TreeSet<>();
        decision.matchedRules().values().forEach(rules::addAll);
        Markings m = routed.markings().effective();
        EffectiveMarkings markings = new EffectiveMarkings(m.tlp().name(), m.handlingCode().name(),
                new ArrayList<>(m.addressedTo()), m.releasableTo() == null ? null : new ArrayList<>(m.releasableTo()),
                new ArrayList<>(m.notReleasableTo()), new ArrayList<>(routed.markings().inherited()));
        Relaxation relaxation = routed.markings().relaxed().isEmpty() ? null : new Relaxation(
                alert.getOriginAgency().getAgencyId(), alert.getReportedAt(), new ArrayList<>(routed.markings().relaxed()));
        return new RoutingDecision(alert.getAlertId(), alert.getVersion(), alert.getOriginAgency().getAgencyId(),
                new ArrayList<>(decision.recipients()), withheld, new ArrayList<>(rules), decidedAt, instanceId,
                markings, relaxation, previousDecisionSha256);
    }
}

package org.corridor.consumer.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.Markings;
import org.corridor.consumer.policy.Withheld;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.EffectiveMarkings;
import org.corridor.schemas.avro.Relaxation;
import org.corridor.schemas.avro.ResponseRouting;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.WithheldBody;

/**
 * The audit record of a routed alert version (who received it, who was withheld and why, under which markings), or of
 * a routed response to one ({@code response} set).
 */
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
        EffectiveMarkings markings = markings(routed.markings());
        Relaxation relaxation = routed.markings().relaxed().isEmpty() ? null : new Relaxation(
                alert.getOriginAgency().getAgencyId(), alert.getReportedAt(), new ArrayList<>(routed.markings().relaxed()));
        return new RoutingDecision(alert.getAlertId(), alert.getVersion(), alert.getOriginAgency().getAgencyId(),
                new ArrayList<>(decision.recipients()), withheld, new ArrayList<>(rules), decidedAt, instanceId,
                markings, relaxation, previousDecisionSha256, null);
    }

    /**
     * The audit record of a routed response: the version it responds to, the bodies whose inboxes got it (the
     * originating agency always does), the version's other recipients that did not and why, its effective markings.
     */
    public static RoutingDecision of(ResponseOutcome.Routed routed, Instant decidedAt, String instanceId,
                                     String previousDecisionSha256) {
        AlertResponse response = routed.response();
        List<WithheldBody> withheld = new ArrayList<>();
        for (Withheld w : routed.decision().withheld()) {
            withheld.add(new WithheldBody(w.body(), w.reason(), w.detail()));
        }
        ResponseRouting what = new ResponseRouting(response.getResponseId(), response.getResponder().getKind().name(),
                response.getResponder().getId(), response.getKind().name(), response.getInReplyTo(),
                response.getShareWithRecipients(), response.getOutcome() == null ? null : response.getOutcome().getCode().name(),
                response.getDueAt(), response.getPriority().name());
        return new RoutingDecision(response.getAlertId(), response.getAlertVersion(), response.getAlertAgency(),
                new ArrayList<>(routed.bodies()), withheld, new ArrayList<>(), decidedAt, instanceId,
                markings(routed.markings()), null, previousDecisionSha256, what);
    }

    private static EffectiveMarkings markings(MarkingInheritance.Result result) {
        Markings m = result.effective();
        return new EffectiveMarkings(m.tlp().name(), m.handlingCode().name(),
                new ArrayList<>(m.addressedTo()), m.releasableTo() == null ? null : new ArrayList<>(m.releasableTo()),
                new ArrayList<>(m.notReleasableTo()), new ArrayList<>(result.inherited()), m.handlingRestriction());
    }
}

package org.corridor.consumer.decision;

import java.util.List;
import java.util.stream.Collectors;

import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.Markings;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.Violation;

/**
 * The accept-or-dead-letter decision for one inbound record, as plain Java. In order: the value must have decoded
 * to an alert; the alert must be valid; its {@code originAgency} must be the agency whose topic carried it (anything
 * else is SPOOFED); the record key must be its alert id. An accepted alert is then checked against the id's
 * {@link History}: an id another agency owns is ID_COLLISION, a version not above the highest routed one is
 * STALE_VERSION; then it is decided by {@link RouteDecider} under the markings {@link MarkingInheritance} gives (a
 * retraction goes to exactly the earlier recipients). A decision that throws is a ROUTING_FAILED dead letter, since
 * retrying a pure function cannot help. Thread-safe.
 */
public final class Triage {

    private final AlertValidator validator;
    private final RouteDecider decider;

    public Triage(AlertValidator validator, RouteDecider decider) {
        this.validator = validator;
        this.decider = decider;
    }

    /**
     * @param topicAgency the agency that owns the topic the record was read from
     * @param key         the record key, possibly null
     * @return {@link Outcome.Accepted} or a {@link DeadLetter}
     */
    public Outcome accept(String topicAgency, String key, Decoded decoded) {
        if (decoded instanceof Decoded.Failed f) {
            return new DeadLetter(f.code(), f.reason());
        }
        if (!(decoded instanceof Decoded.Alert a)) {
            return new DeadLetter(DeadLetter.UNDECODABLE, "empty record value (tombstone)");
        }
        TraffickingAlert alert = a.alert();
        List<Violation> violations = validator.validate(alert);
        if (!violations.isEmpty()) {
            return new DeadLetter(DeadLetter.INVALID, violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
        String claimed = alert.getOriginAgency().getAgencyId();
        if (!claimed.equals(topicAgency)) {
            return new DeadLetter(DeadLetter.SPOOFED, "originAgency.agencyId \"" + claimed
                    + "\" does not match the topic's agency \"" + topicAgency + "\"");
        }
        if (key == null || !key.equals(alert.getAlertId().toString())) {
            return new DeadLetter(DeadLetter.INVALID, "record key \"" + key + "\" is not the alert id " + alert.getAlertId());
        }
        return new Outcome.Accepted(alert);
    }

    /**
     * @param history what the router knows of the alert's id ({@link History#NONE} for a new id)
     * @return {@link Outcome.Routed}, or an ID_COLLISION, STALE_VERSION or ROUTING_FAILED {@link DeadLetter}
     */
    public Outcome decide(TraffickingAlert alert, History history) {
        String agency = alert.getOriginAgency().getAgencyId();
        if (history.owner() != null && !history.owner().equals(agency)) {
            return new DeadLetter(DeadLetter.ID_COLLISION, "alert id " + alert.getAlertId() + " belongs to agency \""
                    + history.owner() + "\"; \"" + agency + "\" must publish under an id of its own");
        }
        if (alert.getVersion() <= history.version()) {
            return new DeadLetter(DeadLetter.STALE_VERSION, "version " + alert.getVersion() + " of alert "
                    + alert.getAlertId() + " is not after version " + history.version() + ", the highest already routed");
        }
        try {
            MarkingInheritance.Result markings = MarkingInheritance.apply(history.markings(),
                    Markings.of(alert.getHandling()), alert.getHandling().getRelaxes());
            Decision decision = alert.getLifecycle() == Lifecycle.RETRACTION ? decider.retraction(history.recipients())
                    : decider.decide(alert, markings.effective(), history.recipients());
            return new Outcome.Routed(alert, decision, history.recipients(), markings,
                    history.next(agency, alert.getVersion(), markings.effective(), decision.recipients()));
        } catch (RuntimeException bug) {
            return new DeadLetter(DeadLetter.ROUTING_FAILED, "the routing decision failed: " + bug);
        }
    }
}

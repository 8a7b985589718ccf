package org.corridor.producer.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.corridor.producer.status.ReleasedMarkings;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.ResponseKind;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.validation.Violation;

/**
 * An approved re-share as plain Java. The approval must answer a re-share request of the same alert and may grant
 * only bodies that request named. The next version is released under the markings the router released the latest
 * version under, widened for exactly the approved bodies and nothing else: each becomes an addressee (so it receives
 * whatever the rules and the colour say), joins a releasable list if there is one, and leaves the exclusions; the
 * version says it relaxes ({@code handling.relaxes}), so the audit records who widened what, and when.
 */
final class Reshare {

    private Reshare() {
    }

    /** The alert cannot be released again as asked (409): a retraction, or an H3 text that is not known. */
    static final class CannotRelease extends RuntimeException {
        CannotRelease(String message) {
            super(message);
        }
    }

    /**
     * What stands against the decision as an answer in the thread.
     *
     * @param conflict    the request was decided already (409), or null
     * @param violations  what is wrong with the decision (400); empty when nothing
     */
    record Checked(String conflict, List<Violation> violations) {
    }

    static Checked check(AlertResponse decision, List<AlertResponse> thread) {
        AlertResponse request = thread.stream().filter(r -> r.getResponseId().equals(decision.getInReplyTo())
                && r.getKind() == ResponseKind.RESHARE_REQUEST).findFirst().orElse(null);
        if (request == null) {
            return new Checked(null, List.of(new Violation("inReplyTo", decision.getInReplyTo() + " is not a re-share"
                    + " request in the thread of alert " + decision.getAlertId())));
        }
        AlertResponse earlier = thread.stream().filter(r -> r.getKind() == ResponseKind.RESHARE_DECISION
                && request.getResponseId().equals(r.getInReplyTo()) && !r.getResponseId().equals(decision.getResponseId()))
                .findFirst().orElse(null);
        if (earlier != null) {
            return new Checked("the re-share request " + request.getResponseId() + " was decided already ("
                    + earlier.getResponseId() + ", " + (Boolean.TRUE.equals(earlier.getReshareApproved()) ? "approved" : "declined")
                    + "); a new request needs a new decision", List.of());
        }
        List<String> unasked = new ArrayList<>(decision.getReshareBodies());
        unasked.removeAll(request.getReshareBodies());
        if (Boolean.TRUE.equals(decision.getReshareApproved()) && !unasked.isEmpty()) {
            return new Checked(null, List.of(new Violation("reshareBodies", unasked + " were not asked for by the request,"
                    + " which named " + request.getReshareBodies())));
        }
        return new Checked(null, List.of());
    }

    /** Whether the latest version's markings already release the alert to every one of the bodies (as addressees). */
    static boolean holds(ReleasedMarkings released, Collection<String> bodies) {
        return released.addressedTo().containsAll(bodies) && bodies.stream().noneMatch(released.notReleasableTo()::contains)
                && (released.releasableTo() == null || released.releasableTo().containsAll(bodies));
    }

    /**
     * @param released the latest version's markings as routed
     * @param declared the latest version's own handling (the H3 text when the decision did not record one)
     * @throws CannotRelease when the version is H3 and its restriction text is not known
     */
    static Handling widen(ReleasedMarkings released, Handling declared, Collection<String> bodies) {
        SortedSet<String> addressed = new TreeSet<>(released.addressedTo());
        addressed.addAll(bodies);
        List<String> releasable;
        if (released.releasableTo() == null) {
            releasable = new ArrayList<>();
        } else {
            SortedSet<String> wider = new TreeSet<>(released.releasableTo());
            wider.addAll(bodies);
            releasable = new ArrayList<>(wider);
        }
        SortedSet<String> excluded = new TreeSet<>(released.notReleasableTo());
        excluded.removeAll(bodies);
        HandlingCode code = HandlingCode.valueOf(released.handlingCode());
        // The text the router applied; a decision written before it recorded the text has only the version's own.
        String restriction = released.handlingRestriction() != null ? released.handlingRestriction()
                : declared.getHandlingRestriction();
        if (code == HandlingCode.H3 && (restriction == null || restriction.isBlank())) {
            throw new CannotRelease("the H3 restriction the alert was released under is not known (it was routed"
                    + " before the audit recorded it); correct the alert with its restriction, then approve again");
        }
        return new Handling(Tlp.valueOf(released.tlp()), code, restriction, new ArrayList<>(addressed), releasable,
                new ArrayList<>(excluded), true);
    }
}

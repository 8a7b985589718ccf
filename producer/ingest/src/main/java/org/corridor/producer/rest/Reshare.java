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

    /** What is wrong with the decision as an answer to the thread's request; empty when nothing. */
    static List<Violation> check(AlertResponse decision, List<AlertResponse> thread) {
        AlertResponse request = thread.stream().filter(r -> r.getResponseId().equals(decision.getInReplyTo())
                && r.getKind() == ResponseKind.RESHARE_REQUEST).findFirst().orElse(null);
        if (request == null) {
            return List.of(new Violation("inReplyTo", decision.getInReplyTo() + " is not a re-share request in the thread of"
                    + " alert " + decision.getAlertId()));
        }
        List<String> unasked = new ArrayList<>(decision.getReshareBodies());
        unasked.removeAll(request.getReshareBodies());
        if (Boolean.TRUE.equals(decision.getReshareApproved()) && !unasked.isEmpty()) {
            return List.of(new Violation("reshareBodies", unasked + " were not asked for by the request, which named "
                    + request.getReshareBodies()));
        }
        return List.of();
    }

    /**
     * @param released the latest version's markings as routed
     * @param declared the latest version's own handling (for the H3 restriction text)
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
        String restriction = declared.getHandlingRestriction();
        if (code == HandlingCode.H3 && (restriction == null || restriction.isBlank())) {
            restriction = "as restricted by the earlier versions of this alert";
        }
        return new Handling(Tlp.valueOf(released.tlp()), code, restriction, new ArrayList<>(addressed), releasable,
                new ArrayList<>(excluded), true);
    }
}

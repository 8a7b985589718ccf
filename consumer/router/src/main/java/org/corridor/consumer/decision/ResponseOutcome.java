package org.corridor.consumer.decision;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.Markings;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.topics.Topics;

/** What {@link ResponseTriage} decided for one response record: routed, or a {@link DeadLetter}. */
public sealed interface ResponseOutcome permits ResponseOutcome.Routed, DeadLetter {

    /**
     * A response the responder may send, and where it goes. The originating agency always gets it; the bodies in
     * {@code decision.recipients()} get it too, all of them recipients of the version responded to.
     *
     * @param response  the response as it was written
     * @param responder the party whose topic carried it (the response names the same party)
     * @param version   the markings and recipients of the alert version responded to
     * @param markings  the response's effective markings: its own, narrowed to the version's where they were wider
     * @param decision  which of the version's other recipients get it, and why the others do not
     */
    record Routed(AlertResponse response, Topics.Party responder, Released version, MarkingInheritance.Result markings,
                  Decision decision) implements ResponseOutcome {

        /** The originating agency, which gets every response to its alert. */
        public String originAgency() {
            return response.getAlertAgency();
        }

        /** The bodies whose inboxes get the response (besides the originating agency's), sorted. */
        public SortedSet<String> bodies() {
            return decision.recipients();
        }

        /**
         * The response as one inbox gets it: under its effective markings, where the addressees are the originator's
         * to see, and any other party sees itself at most (the addressees are recipients of the version, which a body
         * is not told). A release to nobody is written as a release to the bodies that get it and the responding body,
         * the only ones it reaches.
         */
        public AlertResponse releasedTo(Topics.Party inbox) {
            SortedSet<String> reached = new TreeSet<>(bodies());
            if (responder.body()) {
                reached.add(responder.id());
            }
            Markings m = markings.effective();
            if (inbox.body() || !inbox.id().equals(originAgency())) {
                SortedSet<String> self = new TreeSet<>(m.addressedTo());
                self.retainAll(inbox.body() ? Set.of(inbox.id()) : Set.of());
                m = new Markings(m.tlp(), m.handlingCode(), m.handlingRestriction(), self, m.releasableTo(), m.notReleasableTo());
            }
            return AlertResponse.newBuilder(response).setHandling(m.toHandling(false, reached)).build();
        }
    }
}

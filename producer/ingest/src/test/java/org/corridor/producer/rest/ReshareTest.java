package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.corridor.producer.status.ReleasedMarkings;
import org.corridor.schemas.SampleResponses;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Responder;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.avro.ResponseKind;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.validation.Violation;
import org.junit.jupiter.api.Test;

/** An approved re-share widens the released markings for exactly the approved bodies, and answers a request. */
class ReshareTest {

    private static final Handling DECLARED = new Handling(Tlp.AMBER, HandlingCode.H3, "not for court", new ArrayList<>(),
            new ArrayList<>(), new ArrayList<>(), false);

    @Test
    void theApprovedBodiesAreAddressedReleasableAndNoLongerExcludedAndNothingElseChanges() {
        ReleasedMarkings released = new ReleasedMarkings(2, "RED", "H2", List.of("CARICC"), List.of("CARICC", "UNODC"),
                List.of("EUROPOL", "OSCE"), null);
        Handling h = Reshare.widen(released, DECLARED, List.of("EUROPOL"));
        assertThat(h.getTlp()).isEqualTo(Tlp.RED);
        assertThat(h.getHandlingCode()).isEqualTo(HandlingCode.H2);
        assertThat(h.getAddressedTo()).containsExactly("CARICC", "EUROPOL");
        assertThat(h.getReleasableTo()).containsExactly("CARICC", "EUROPOL", "UNODC");
        assertThat(h.getNotReleasableTo()).containsExactly("OSCE");
        assertThat(h.getRelaxes()).as("the audit records the relaxation").isTrue();
    }

    @Test
    void noReleasableListStaysNoListAndTheH3TextAppliedIsKept() {
        ReleasedMarkings released = new ReleasedMarkings(1, "AMBER", "H3", List.of(), null, List.of(), "not for court; only analysts");
        Handling h = Reshare.widen(released, DECLARED, List.of("INCB", "EUDA"));
        assertThat(h.getReleasableTo()).as("no list").isEmpty();
        assertThat(h.getAddressedTo()).containsExactly("EUDA", "INCB");
        assertThat(h.getHandlingRestriction()).as("the text the router applied, not the version's own").isEqualTo("not for court; only analysts");
        ReleasedMarkings unrecorded = new ReleasedMarkings(1, "AMBER", "H3", List.of(), null, List.of(), null);
        assertThat(Reshare.widen(unrecorded, DECLARED, List.of("INCB")).getHandlingRestriction()).isEqualTo("not for court");
        Handling noText = new Handling(Tlp.AMBER, HandlingCode.H1, null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), false);
        assertThatThrownBy(() -> Reshare.widen(unrecorded, noText, List.of("INCB"))).as("H3 inherited, its text unknown")
                .isInstanceOf(Reshare.CannotRelease.class).hasMessageContaining("H3");
    }

    @Test
    void aDecisionAnswersARequestOfTheThreadAndGrantsOnlyWhatItAsked() {
        AlertResponse request = SampleResponses.cariccQuestion().setKind(ResponseKind.RESHARE_REQUEST).setDueAt(null)
                .setResponseId(UUID.randomUUID()).setReshareBodies(new ArrayList<>(List.of("EUROPOL", "INCB"))).build();
        AlertResponse approval = SampleResponses.agencyAnswer().setKind(ResponseKind.RESHARE_DECISION)
                .setResponder(new Responder(ResponderKind.AGENCY, "tj-drug-control")).setInReplyTo(request.getResponseId())
                .setReshareApproved(true).setReshareBodies(new ArrayList<>(List.of("EUROPOL"))).build();
        assertThat(Reshare.check(approval, List.of(request))).isEqualTo(new Reshare.Checked(null, List.of()));
        AlertResponse more = AlertResponse.newBuilder(approval).setReshareBodies(new ArrayList<>(List.of("EUROPOL", "OSCE"))).build();
        assertThat(Reshare.check(more, List.of(request)).violations()).extracting(Violation::path).containsExactly("reshareBodies");
        assertThat(Reshare.check(approval, List.of()).violations()).extracting(Violation::path).containsExactly("inReplyTo");
        AlertResponse toAQuestion = AlertResponse.newBuilder(request).setKind(ResponseKind.QUESTION).build();
        assertThat(Reshare.check(approval, List.of(toAQuestion)).violations()).extracting(Violation::path).containsExactly("inReplyTo");
        // Decided already (its decision is in the thread): a second decision is a conflict; the same one read back is not.
        assertThat(Reshare.check(AlertResponse.newBuilder(approval).setResponseId(UUID.randomUUID()).build(),
                List.of(request, approval)).conflict()).contains("decided already");
        assertThat(Reshare.check(approval, List.of(request, approval)).conflict()).isNull();
    }

    @Test
    void bodiesThatHoldTheAlertAlreadyNeedNoNewVersion() {
        ReleasedMarkings released = new ReleasedMarkings(3, "AMBER", "H1", List.of("CARICC", "EUROPOL"), null, List.of("OSCE"), null);
        assertThat(Reshare.holds(released, List.of("EUROPOL"))).isTrue();
        assertThat(Reshare.holds(released, List.of("EUROPOL", "INCB"))).isFalse();
        assertThat(Reshare.holds(released, List.of("OSCE"))).isFalse();
    }
}

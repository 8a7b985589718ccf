package org.corridor.producer.rest;

import static org.assertj.core.api.Assertions.assertThat;

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
                List.of("EUROPOL", "OSCE"));
        Handling h = Reshare.widen(released, DECLARED, List.of("EUROPOL"));
        assertThat(h.getTlp()).isEqualTo(Tlp.RED);
        assertThat(h.getHandlingCode()).isEqualTo(HandlingCode.H2);
        assertThat(h.getAddressedTo()).containsExactly("CARICC", "EUROPOL");
        assertThat(h.getReleasableTo()).containsExactly("CARICC", "EUROPOL", "UNODC");
        assertThat(h.getNotReleasableTo()).containsExactly("OSCE");
        assertThat(h.getRelaxes()).as("the audit records the relaxation").isTrue();
    }

    @Test
    void noReleasableListStaysNoListAndTheH3TextIsKept() {
        ReleasedMarkings released = new ReleasedMarkings(1, "AMBER", "H3", List.of(), null, List.of());
        Handling h = Reshare.widen(released, DECLARED, List.of("INCB", "EUDA"));
        assertThat(h.getReleasableTo()).as("no list").isEmpty();
        assertThat(h.getAddressedTo()).containsExactly("EUDA", "INCB");
        assertThat(h.getHandlingRestriction()).isEqualTo("not for court");
        assertThat(Reshare.widen(released, new Handling(Tlp.AMBER, HandlingCode.H1, null, new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), false), List.of("INCB")).getHandlingRestriction()).as("H3 inherited without text").isNotBlank();
    }

    @Test
    void aDecisionAnswersARequestOfTheThreadAndGrantsOnlyWhatItAsked() {
        AlertResponse request = SampleResponses.cariccQuestion().setKind(ResponseKind.RESHARE_REQUEST).setDueAt(null)
                .setResponseId(UUID.randomUUID()).setReshareBodies(new ArrayList<>(List.of("EUROPOL", "INCB"))).build();
        AlertResponse approval = SampleResponses.agencyAnswer().setKind(ResponseKind.RESHARE_DECISION)
                .setResponder(new Responder(ResponderKind.AGENCY, "tj-drug-control")).setInReplyTo(request.getResponseId())
                .setReshareApproved(true).setReshareBodies(new ArrayList<>(List.of("EUROPOL"))).build();
        assertThat(Reshare.check(approval, List.of(request))).isEmpty();
        AlertResponse more = AlertResponse.newBuilder(approval).setReshareBodies(new ArrayList<>(List.of("EUROPOL", "OSCE"))).build();
        assertThat(Reshare.check(more, List.of(request))).extracting(Violation::path).containsExactly("reshareBodies");
        assertThat(Reshare.check(approval, List.of())).extracting(Violation::path).containsExactly("inReplyTo");
        AlertResponse toAQuestion = AlertResponse.newBuilder(request).setKind(ResponseKind.QUESTION).build();
        assertThat(Reshare.check(approval, List.of(toAQuestion))).extracting(Violation::path).containsExactly("inReplyTo");
    }
}

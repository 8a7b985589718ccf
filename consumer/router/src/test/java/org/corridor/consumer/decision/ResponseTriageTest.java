package org.corridor.consumer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;

import org.corridor.consumer.policy.Markings;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.schemas.SampleResponses;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Responder;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.ResponseValidator;
import org.junit.jupiter.api.Test;

class ResponseTriageTest {

    private static final String AGENCY = "tj-drug-control";
    private static final Topics.Party CARICC = new Topics.Party(true, "CARICC");
    private static final Topics.Party UNODC = new Topics.Party(true, "UNODC");
    private static final Topics.Party OWNER = new Topics.Party(false, AGENCY);

    private final ResponseTriage triage = new ResponseTriage(ResponseValidator.withDefaults(), new ReleasePolicy());

    /** Version 1 of the heroin alert went to CARICC, UNODC and INCB under AMBER, not releasable to OSCE. */
    private static History routed() {
        Markings amber = Markings.of(new Handling(Tlp.AMBER, HandlingCode.H1, null, List.of(), List.of(), List.of("OSCE"), false));
        return History.NONE.next(AGENCY, 1, amber, List.of("CARICC", "INCB", "UNODC"));
    }

    private ResponseOutcome decide(Topics.Party party, AlertResponse r, History h) {
        return triage.decide(party, ResponseTriage.key(r.getAlertAgency(), r.getAlertId().toString()), new Decoded.Response(r), h);
    }

    @Test
    void aRecipientsQuestionGoesToTheOriginatingAgencyAlone() {
        ResponseOutcome out = decide(CARICC, SampleResponses.cariccQuestion().build(), routed());
        assertThat(out).isInstanceOf(ResponseOutcome.Routed.class);
        ResponseOutcome.Routed routed = (ResponseOutcome.Routed) out;
        assertThat(routed.originAgency()).isEqualTo(AGENCY);
        assertThat(routed.bodies()).isEmpty();
        assertThat(routed.markings().inherited()).isEmpty();
    }

    @Test
    void aSharedOutcomeReachesTheOtherRecipientsOfTheVersionOnly() {
        ResponseOutcome.Routed routed = (ResponseOutcome.Routed) decide(UNODC, SampleResponses.unodcSeizedOutcome().build(), routed());
        assertThat(routed.bodies()).containsExactly("CARICC", "INCB");
    }

    @Test
    void sharingHonoursTheResponsesOwnMarkings() {
        AlertResponse r = SampleResponses.unodcSeizedOutcome().setHandling(new Handling(Tlp.AMBER, HandlingCode.H1, null,
                List.of(), List.of(), List.of("OSCE", "INCB"), false)).build();
        ResponseOutcome.Routed routed = (ResponseOutcome.Routed) decide(UNODC, r, routed());
        assertThat(routed.bodies()).containsExactly("CARICC");
        assertThat(routed.decision().withheld()).extracting(w -> w.body()).containsExactly("INCB");
    }

    @Test
    void markingsWiderThanTheVersionsAreNarrowedToThem() {
        // GREEN and nothing excluded, on an AMBER version not releasable to OSCE.
        AlertResponse r = SampleResponses.unodcSeizedOutcome().setHandling(new Handling(Tlp.GREEN, HandlingCode.H0, null,
                List.of(), List.of(), List.of(), false)).build();
        ResponseOutcome.Routed routed = (ResponseOutcome.Routed) decide(UNODC, r, routed());
        assertThat(routed.markings().effective().tlp()).isEqualTo(Tlp.AMBER);
        assertThat(routed.markings().effective().handlingCode()).isEqualTo(HandlingCode.H1);
        assertThat(routed.markings().effective().notReleasableTo()).containsExactly("OSCE");
        assertThat(routed.markings().inherited()).containsExactly(MarkingInheritance.TLP, MarkingInheritance.HANDLING_CODE,
                MarkingInheritance.NOT_RELEASABLE_TO);
        assertThat(routed.releasedTo(OWNER).getHandling().getTlp()).isEqualTo(Tlp.AMBER);
    }

    @Test
    void aBodyThatDidNotReceiveTheVersionIsNotEntitled() {
        AlertResponse r = SampleResponses.cariccQuestion().setResponder(new Responder(ResponderKind.BODY, "EUROPOL")).build();
        assertThat(decide(new Topics.Party(true, "EUROPOL"), r, routed()))
                .isEqualTo(new DeadLetter(DeadLetter.NOT_ENTITLED, "EUROPOL did not receive version 1 of alert "
                        + r.getAlertId() + ": only its recipients and its originating agency may respond to it"));
    }

    @Test
    void aBodyThatReceivedAnotherVersionOnlyIsNotEntitledToThisOne() {
        Markings amber = Markings.of(new Handling(Tlp.AMBER, HandlingCode.H1, null, List.of(), List.of(), List.of(), false));
        History two = routed().next(AGENCY, 2, amber, List.of("UNODC"));
        AlertResponse r = SampleResponses.cariccQuestion().setAlertVersion(2).build();
        assertThat(decide(CARICC, r, two)).extracting(o -> ((DeadLetter) o).code()).isEqualTo(DeadLetter.NOT_ENTITLED);
        assertThat(decide(CARICC, SampleResponses.cariccQuestion().build(), two)).isInstanceOf(ResponseOutcome.Routed.class);
    }

    @Test
    void anUnroutedVersionOrAlertOrAnotherAgencysIdIsNotEntitled() {
        AlertResponse v3 = SampleResponses.cariccQuestion().setAlertVersion(3).build();
        assertThat(((DeadLetter) decide(CARICC, v3, routed())).reason()).contains("version 3 of alert").contains("not routed");
        assertThat(((DeadLetter) decide(CARICC, SampleResponses.cariccQuestion().build(), History.NONE)).code())
                .isEqualTo(DeadLetter.NOT_ENTITLED);
        AlertResponse otherAgency = SampleResponses.cariccQuestion().setAlertAgency("kz-customs").build();
        assertThat(((DeadLetter) decide(CARICC, otherAgency, routed())).reason()).contains("of agency \"kz-customs\" was routed");
    }

    @Test
    void anAgencyThatIsNotTheOriginatorIsNotEntitled() {
        AlertResponse r = SampleResponses.agencyAnswer().setResponder(new Responder(ResponderKind.AGENCY, "kz-customs")).build();
        assertThat(((DeadLetter) decide(new Topics.Party(false, "kz-customs"), r, routed())).code())
                .isEqualTo(DeadLetter.NOT_ENTITLED);
    }

    @Test
    void aResponseNamingAnotherPartyThanItsTopicIsSpoofed() {
        AlertResponse asUnodc = SampleResponses.cariccQuestion().setResponder(new Responder(ResponderKind.BODY, "UNODC")).build();
        assertThat(((DeadLetter) decide(CARICC, asUnodc, routed())).code()).isEqualTo(DeadLetter.SPOOFED);
        assertThat(((DeadLetter) decide(OWNER, SampleResponses.cariccQuestion().build(), routed())).code())
                .isEqualTo(DeadLetter.SPOOFED);
    }

    @Test
    void theOriginatorsAnswerReachesTheBodyItAddressesAmongTheRecipients() {
        AlertResponse r = SampleResponses.agencyAnswer().setHandling(new Handling(Tlp.AMBER, HandlingCode.H1, null,
                List.of("CARICC", "EUROPOL"), List.of(), List.of("OSCE"), false)).build();
        ResponseOutcome.Routed routed = (ResponseOutcome.Routed) decide(OWNER, r, routed());
        assertThat(routed.bodies()).containsExactly("CARICC");
        assertThat(routed.markings().effective().addressedTo()).as("EUROPOL never received the version").containsExactly("CARICC");
    }

    @Test
    void aWrongKeyAnInvalidResponseAndAnUndecodableValueAreDeadLetters() {
        AlertResponse r = SampleResponses.cariccQuestion().build();
        assertThat(((DeadLetter) triage.decide(CARICC, r.getAlertId().toString(), new Decoded.Response(r), routed())).code())
                .isEqualTo(DeadLetter.INVALID);
        AlertResponse blank = SampleResponses.cariccQuestion().setText(" ").build();
        assertThat(((DeadLetter) decide(CARICC, blank, routed())).reason()).startsWith("text: ");
        assertThat(triage.decide(CARICC, "k", new Decoded.Failed(DeadLetter.UNKNOWN_SCHEMA, "id 9"), routed()))
                .isEqualTo(new DeadLetter(DeadLetter.UNKNOWN_SCHEMA, "id 9"));
    }

    @Test
    void aHistoryWrittenBeforeVersionsWereKeptFallsBackOnTheWholeHistory() {
        Markings amber = Markings.of(new Handling(Tlp.AMBER, HandlingCode.H1, null, List.of(), List.of(), List.of(), false));
        History old = new History(AGENCY, 2, amber, new TreeSet<>(List.of("CARICC")));
        assertThat(decide(CARICC, SampleResponses.cariccQuestion().build(), old)).isInstanceOf(ResponseOutcome.Routed.class);
        assertThat(old.released(3)).isNull();
    }

    @Test
    void aResponseToAnEarlierVersionObeysTheRestrictionsOfTheLaterOnes() {
        // v1 reached CSTO; v2 excluded it and went up to AMBER+STRICT: a shared outcome on v1 does not reach CSTO.
        Markings v1 = Markings.of(new Handling(Tlp.AMBER, HandlingCode.H1, null, List.of(), List.of(), List.of(), false));
        Markings v2 = Markings.of(new Handling(Tlp.AMBER_STRICT, HandlingCode.H1, null, List.of(), List.of(), List.of("CSTO"), false));
        History h = History.NONE.next(AGENCY, 1, v1, List.of("CARICC", "CSTO", "UNODC")).next(AGENCY, 2, v2, List.of("CARICC", "UNODC"));
        AlertResponse r = SampleResponses.unodcSeizedOutcome().setHandling(new Handling(Tlp.AMBER, HandlingCode.H1, null,
                List.of(), List.of(), List.of(), false)).build();
        ResponseOutcome.Routed routed = (ResponseOutcome.Routed) decide(UNODC, r, h);
        assertThat(routed.bodies()).containsExactly("CARICC");
        assertThat(routed.markings().effective().tlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(routed.markings().effective().notReleasableTo()).containsExactly("CSTO");
    }

    @Test
    void aCopyNamesNoOtherAddresseeThanItsOwnPartyAndTheOriginatorSeesThemAll() {
        AlertResponse r = SampleResponses.agencyAnswer().setShareWithRecipients(true).setHandling(new Handling(Tlp.AMBER,
                HandlingCode.H1, null, List.of("CARICC", "INCB"), List.of(), List.of("OSCE"), false)).build();
        ResponseOutcome.Routed routed = (ResponseOutcome.Routed) decide(OWNER, r, routed());
        assertThat(routed.releasedTo(OWNER).getHandling().getAddressedTo()).containsExactly("CARICC", "INCB");
        assertThat(routed.releasedTo(CARICC).getHandling().getAddressedTo()).containsExactly("CARICC");
        assertThat(routed.releasedTo(UNODC).getHandling().getAddressedTo()).isEmpty();
    }

    @Test
    void anH3ResponseKeepsTheOriginatorsRestrictionAndAddsItsOwn() {
        Markings h3 = Markings.of(new Handling(Tlp.AMBER, HandlingCode.H3, "not for court", List.of(), List.of(), List.of(), false));
        History h = History.NONE.next(AGENCY, 1, h3, List.of("CARICC", "UNODC"));
        AlertResponse r = SampleResponses.unodcSeizedOutcome().setHandling(new Handling(Tlp.AMBER, HandlingCode.H3,
                "may be shared with national police", List.of(), List.of(), List.of(), false)).build();
        ResponseOutcome.Routed routed = (ResponseOutcome.Routed) decide(UNODC, r, h);
        assertThat(routed.markings().effective().handlingRestriction())
                .isEqualTo("not for court; may be shared with national police");
    }

    @Test
    void aVersionRoutedBeforeVersionsWereKeptStillHasItsRecipients() {
        Markings amber = Markings.of(new Handling(Tlp.AMBER, HandlingCode.H1, null, List.of(), List.of(), List.of(), false));
        History upgraded = new History(AGENCY, 2, amber, new TreeSet<>(List.of("CARICC", "UNODC"))).next(AGENCY, 3, amber,
                List.of("UNODC"));
        assertThat(upgraded.released(2).recipients()).containsExactly("CARICC", "UNODC");
        assertThat(upgraded.released(3).recipients()).containsExactly("UNODC");
        assertThat(upgraded.released(4)).isNull();
    }
}

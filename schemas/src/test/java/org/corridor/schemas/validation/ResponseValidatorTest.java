package org.corridor.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.corridor.schemas.SampleResponses;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Outcome;
import org.corridor.schemas.avro.OutcomeResult;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Responder;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.avro.ResponseKind;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** One test per rule of a response: an input that breaks it and the exact message expected. */
class ResponseValidatorTest {

    private final ResponseValidator validator = new ResponseValidator(ReferenceData.defaults());

    private List<String> violationsOf(AlertResponse.Builder sample, Consumer<AlertResponse> breakIt) {
        AlertResponse response = sample.build();
        breakIt.accept(response);
        return validator.validate(response).stream().map(Violation::toString).toList();
    }

    private List<String> violationsOf(Consumer<AlertResponse> breakIt) {
        return violationsOf(SampleResponses.cariccQuestion(), breakIt);
    }

    @Test
    void theSampleResponsesAreValid() {
        assertThat(validator.validate(SampleResponses.cariccQuestion().build())).isEmpty();
        assertThat(validator.validate(SampleResponses.unodcSeizedOutcome().build())).isEmpty();
        assertThat(validator.validate(SampleResponses.agencyAnswer().build())).isEmpty();
    }

    @Test
    void whatItRefersToAndWhoRespondsAreChecked() {
        assertThat(violationsOf(r -> {
            r.setResponseId(null);
            r.setAlertAgency("TJ Drug Control");
            r.setAlertId(null);
            r.setAlertVersion(0);
        })).containsExactly(
                "responseId: must be present",
                "alertAgency: \"TJ Drug Control\" is not a lowercase slug (a-z, 0-9 and inner hyphens, 1 to 63 characters)",
                "alertId: must be present",
                "alertVersion: must be at least 1, was 0");
        assertThat(violationsOf(r -> r.setResponder(new Responder(ResponderKind.BODY, "NATO"))))
                .singleElement().asString().startsWith("responder.id: \"NATO\" is not a known body (one of ");
        assertThat(violationsOf(r -> r.setResponder(new Responder(ResponderKind.AGENCY, "Tj_Police"))))
                .containsExactly("responder.id: \"Tj_Police\" is not a lowercase slug (a-z, 0-9 and inner hyphens, 1 to 63 characters)");
        assertThat(violationsOf(r -> r.setResponder(null))).containsExactly("responder: must be present");
    }

    @Test
    void eachKindComesFromItsParty() {
        assertThat(violationsOf(SampleResponses.unodcSeizedOutcome(),
                r -> r.setResponder(new Responder(ResponderKind.AGENCY, "tj-drug-control"))))
                .containsExactly("kind: a OUTCOME comes from a recipient body, not from the originating agency");
        assertThat(violationsOf(SampleResponses.agencyAnswer(), r -> {
            r.setKind(ResponseKind.RESHARE_DECISION);
            r.setReshareApproved(false);
            r.setResponder(new Responder(ResponderKind.BODY, "CARICC"));
        })).containsExactly("kind: a RESHARE_DECISION comes from the originating agency, not from a body");
        assertThat(violationsOf(r -> r.setKind(null))).containsExactly("kind: must be present");
    }

    @Test
    void anOutcomeHasACodedResultAndValidSubstancesAndOnlyAnOutcomeHasOne() {
        assertThat(violationsOf(SampleResponses.unodcSeizedOutcome(), r -> r.setOutcome(null)))
                .containsExactly("outcome: must be present");
        assertThat(violationsOf(SampleResponses.unodcSeizedOutcome(), r -> r.setOutcome(new Outcome(null, new ArrayList<>(List.of(
                new Substance("acetic anhydride", SubstanceCategory.PRECURSOR_TABLE_II, "108-24-7",
                        new Quantity(new BigDecimal("-1"), QuantityUnit.L), null)))))))
                .containsExactly(
                        "outcome.code: must be present",
                        "outcome.substances[0].category: CAS 108-24-7 (Acetic anhydride) is on Table I, so the category must be PRECURSOR_TABLE_I, was PRECURSOR_TABLE_II",
                        "outcome.substances[0].quantity.amount: must be greater than 0, was -1");
        assertThat(violationsOf(r -> r.setOutcome(new Outcome(OutcomeResult.NO_ACTION, new ArrayList<>()))))
                .containsExactly("outcome: only allowed when kind is OUTCOME");
    }

    @Test
    void anAnswerRepliesToAnotherResponse() {
        assertThat(violationsOf(SampleResponses.agencyAnswer(), r -> r.setInReplyTo(null)))
                .containsExactly("inReplyTo: must be present");
        assertThat(violationsOf(SampleResponses.agencyAnswer(), r -> r.setInReplyTo(r.getResponseId())))
                .containsExactly("inReplyTo: a response cannot reply to itself");
    }

    @Test
    void theTextIsBoundedAndTagged() {
        assertThat(violationsOf(r -> {
            r.setText(" ");
            r.setLanguage("english?");
            r.setPriority(null);
        })).containsExactly(
                "text: must not be blank",
                "language: \"english?\" is not a BCP 47 language tag",
                "priority: must be present");
        assertThat(violationsOf(r -> r.setText("x".repeat(ResponseRules.TEXT_MAX + 1))))
                .containsExactly("text: must be at most 4000 characters, was 4001");
    }

    @Test
    void onlyAQuestionIsDueAndItIsDueAfterItWasAsked() {
        assertThat(violationsOf(r -> r.setDueAt(Instant.parse("2026-11-21T08:00:00Z"))))
                .containsExactly("dueAt: 2026-11-21T08:00:00Z is not after respondedAt 2026-11-21T09:00:00Z");
        assertThat(violationsOf(SampleResponses.agencyAnswer(), r -> r.setDueAt(Instant.parse("2026-11-25T08:00:00Z"))))
                .containsExactly("dueAt: only allowed when kind is QUESTION");
    }

    @Test
    void aReshareRequestNamesKnownBodiesOnceAndItsDecisionSaysYesOrNo() {
        Consumer<AlertResponse> request = r -> {
            r.setKind(ResponseKind.RESHARE_REQUEST);
            r.setDueAt(null);
        };
        assertThat(violationsOf(request)).containsExactly("reshareBodies: a RESHARE_REQUEST names at least one body");
        assertThat(violationsOf(request.andThen(r -> r.setReshareBodies(new ArrayList<>(List.of("EUROPOL", "XX", "EUROPOL"))))))
                .hasSize(2)
                .first().asString().startsWith("reshareBodies[1]: \"XX\" is not a known body (one of ");
        assertThat(violationsOf(request.andThen(r -> r.setReshareBodies(new ArrayList<>(List.of("EUROPOL", "EUROPOL"))))))
                .containsExactly("reshareBodies[1]: \"EUROPOL\" is named twice");
        assertThat(violationsOf(r -> r.setReshareBodies(new ArrayList<>(List.of("EUROPOL")))))
                .containsExactly("reshareBodies: only allowed for a RESHARE_REQUEST or a RESHARE_DECISION that approves");
        Consumer<AlertResponse> decision = r -> {
            r.setKind(ResponseKind.RESHARE_DECISION);
            r.setInReplyTo(UUID.fromString("00000000-0000-4000-8000-000000000001"));
        };
        assertThat(violationsOf(SampleResponses.agencyAnswer(), decision)).containsExactly("reshareApproved: must be present");
        assertThat(violationsOf(SampleResponses.agencyAnswer(), decision.andThen(r -> r.setReshareApproved(true))))
                .containsExactly("reshareBodies: a RESHARE_DECISION that approves names at least one body");
        assertThat(violationsOf(SampleResponses.agencyAnswer(), decision.andThen(r -> r.setReshareApproved(false)))).isEmpty();
        assertThat(violationsOf(r -> r.setReshareApproved(true)))
                .containsExactly("reshareApproved: only allowed when kind is RESHARE_DECISION");
    }

    @Test
    void itsMarkingsAreCheckedLikeAnAlertsAndNeverRelax() {
        assertThat(violationsOf(r -> {
            r.getHandling().setTlp(Tlp.RED);
            r.getHandling().setHandlingCode(HandlingCode.H3);
            r.getHandling().setRelaxes(true);
        })).containsExactly(
                "handling.addressedTo: TLP:RED needs at least one addressee",
                "handling.handlingRestriction: required with handling code H3",
                "handling.relaxes: must be false: a response never relaxes the markings of the alert");
    }

    @Test
    void requireValidThrowsWithEveryViolation() {
        AlertResponse broken = SampleResponses.cariccQuestion().build();
        broken.setText("");
        broken.setAlertVersion(-2);
        assertThatThrownBy(() -> validator.requireValid(broken))
                .isInstanceOf(InvalidResponseException.class)
                .hasMessage("invalid response: alertVersion: must be at least 1, was -2; text: must not be blank");
    }
}

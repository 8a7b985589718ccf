package org.corridor.schemas;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Outcome;
import org.corridor.schemas.avro.OutcomeResult;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.Responder;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.avro.ResponseKind;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;

/** Valid responses to {@link SampleAlerts#heroinSeizure()}, for tests of every module. */
public final class SampleResponses {

    private SampleResponses() {
    }

    /** CARICC asks the originator a question, due in two days, under the alert's own markings. */
    public static AlertResponse.Builder cariccQuestion() {
        return AlertResponse.newBuilder()
                .setResponseId(UUID.fromString("9b2e4c1a-7d3f-4e8a-b5c6-1d2e3f4a5b60"))
                .setAlertAgency("tj-drug-control")
                .setAlertId(SampleAlerts.heroinSeizure().getAlertId())
                .setAlertVersion(1)
                .setResponder(new Responder(ResponderKind.BODY, "CARICC"))
                .setKind(ResponseKind.QUESTION)
                .setOutcome(null)
                .setInReplyTo(null)
                .setText("Was the truck's cotton loaded in Kunduz according to its papers?")
                .setLanguage("en")
                .setPriority(Priority.PRIORITY)
                .setDueAt(Instant.parse("2026-11-23T09:00:00Z"))
                .setReshareBodies(new ArrayList<>())
                .setReshareApproved(null)
                .setHandling(new Handling(Tlp.AMBER, HandlingCode.H1, null,
                        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(List.of("OSCE")), false))
                .setShareWithRecipients(false)
                .setRespondedAt(Instant.parse("2026-11-21T09:00:00Z"));
    }

    /** UNODC reports a seizure that followed, with its quantity, shared with the other recipients. */
    public static AlertResponse.Builder unodcSeizedOutcome() {
        return cariccQuestion()
                .setResponseId(UUID.fromString("c4d5e6f7-0a1b-4c2d-8e3f-405162738495"))
                .setResponder(new Responder(ResponderKind.BODY, "UNODC"))
                .setKind(ResponseKind.OUTCOME)
                .setOutcome(new Outcome(OutcomeResult.SEIZED, new ArrayList<>(List.of(
                        new Substance("heroin", SubstanceCategory.OPIATE, null,
                                new Quantity(new BigDecimal("37.000"), QuantityUnit.KG), null)))))
                .setText("A second consignment of the same sender was seized at Osh.")
                .setPriority(Priority.ROUTINE)
                .setDueAt(null)
                .setShareWithRecipients(true);
    }

    /** The originating agency answers CARICC's question. */
    public static AlertResponse.Builder agencyAnswer() {
        return cariccQuestion()
                .setResponseId(UUID.fromString("5e6f7081-92a3-4b4c-9d5e-6f708192a3b4"))
                .setResponder(new Responder(ResponderKind.AGENCY, "tj-drug-control"))
                .setKind(ResponseKind.ANSWER)
                .setInReplyTo(cariccQuestion().getResponseId())
                .setText("Yes: the waybill names a Kunduz cotton mill.")
                .setDueAt(null)
                .setRespondedAt(Instant.parse("2026-11-21T15:30:00Z"));
    }
}

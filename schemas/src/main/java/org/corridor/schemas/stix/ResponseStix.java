package org.corridor.schemas.stix;

import java.util.ArrayList;
import java.util.List;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.OutcomeResult;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.avro.ResponseKind;
import org.corridor.schemas.avro.Substance;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A response on the return channel as STIX: an {@code OUTCOME} as an {@code opinion} on the alert's report (how the
 * outcome bears on the report being right: {@link #opinion}), every other kind as a {@code note}; both refer to the
 * report, are made by the responder's {@code identity} and carry the response's own markings. Responses are not
 * versioned: created and modified are the exchange's time of the response. Pure.
 */
public final class ResponseStix {

    private ResponseStix() {
    }

    /** The responder's identity, the markings, then the note or opinion. */
    public static List<ObjectNode> objects(AlertResponse r) {
        Markings markings = Markings.of(r.getHandling());
        List<ObjectNode> out = new ArrayList<>();
        out.add(CorridorObjects.identity());
        out.add(CorridorObjects.extensionDefinition());
        out.add(responder(r));
        out.addAll(markings.definitions());
        boolean outcome = r.getKind() == ResponseKind.OUTCOME && r.getOutcome() != null;
        String type = outcome ? "opinion" : "note";
        ObjectNode o = CorridorObjects.versioned(type, StixIds.of(type, "response/" + responderName(r) + "/" + r.getResponseId()),
                Versioning.first(r.getRespondedAt()));
        o.put("created_by_ref", responderId(r));
        if (outcome) {
            o.put("opinion", opinion(r.getOutcome().getCode()));
            o.put("explanation", r.getText());
        } else {
            o.put("abstract", r.getKind().name());
            o.put("content", r.getText());
        }
        o.putArray("object_refs").add(StixIds.report(r.getAlertAgency(), r.getAlertId()));
        o.put("lang", r.getLanguage());
        AlertStix.mark(o, markings);
        ObjectNode e = CorridorObjects.extension(o, "property-extension");
        e.put("response_id", r.getResponseId().toString());
        e.put("response_kind", r.getKind().name());
        e.put("alert_ref", r.getAlertAgency() + "/" + r.getAlertId());
        e.put("alert_version", r.getAlertVersion());
        e.put("responder_kind", r.getResponder().getKind().name());
        e.put("responder", r.getResponder().getId());
        if (r.getInReplyTo() != null) {
            e.put("in_reply_to", r.getInReplyTo().toString());
        }
        e.put("priority", r.getPriority().name());
        if (r.getDueAt() != null) {
            e.put("due_at", StixTime.of(r.getDueAt()));
        }
        if (r.getOutcome() != null) {
            e.put("outcome", r.getOutcome().getCode().name());
            if (!r.getOutcome().getSubstances().isEmpty()) {
                ArrayNode found = e.putArray("outcome_substances");
                for (Substance s : r.getOutcome().getSubstances()) {
                    ObjectNode x = found.addObject().put("name", s.getName()).put("category", s.getCategory().name());
                    if (s.getQuantity() != null) {
                        x.put("amount", s.getQuantity().getAmount()).put("unit", s.getQuantity().getUnit().name());
                    }
                }
            }
        }
        AlertStix.putAll(e, "reshare_bodies", r.getReshareBodies());
        if (r.getReshareApproved() != null) {
            e.put("reshare_approved", r.getReshareApproved());
        }
        e.put("share_with_recipients", r.getShareWithRecipients());
        AlertStix.handling(e, r.getHandling());
        out.add(o);
        return out;
    }

    /**
     * What an outcome says of the report: a seizure, a controlled delivery or arrests bear it out
     * ({@code strongly-agree}); an investigation under way, no action, other ({@code neutral}); a duplicate
     * ({@code agree}: right, but known); a false positive ({@code strongly-disagree}).
     */
    static String opinion(OutcomeResult code) {
        return switch (code) {
            case SEIZED, CONTROLLED_DELIVERY, ARRESTS -> "strongly-agree";
            case DUPLICATE -> "agree";
            case UNDER_INVESTIGATION, NO_ACTION, OTHER -> "neutral";
            case FALSE_POSITIVE -> "strongly-disagree";
        };
    }

    private static String responderName(AlertResponse r) {
        return (r.getResponder().getKind() == ResponderKind.BODY ? "body/" : "agency/") + r.getResponder().getId();
    }

    private static String responderId(AlertResponse r) {
        return r.getResponder().getKind() == ResponderKind.BODY ? StixIds.body(r.getResponder().getId())
                : StixIds.agency(r.getResponder().getId());
    }

    private static ObjectNode responder(AlertResponse r) {
        ObjectNode i = CorridorObjects.base("identity", responderId(r));
        i.put("name", r.getResponder().getId());
        i.put("identity_class", "organization");
        i.putArray("sectors").add("law-enforcement");
        return i;
    }
}

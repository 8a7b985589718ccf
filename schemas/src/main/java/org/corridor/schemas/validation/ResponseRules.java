package org.corridor.schemas.validation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.Outcome;
import org.corridor.schemas.avro.Responder;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.avro.ResponseKind;
import org.corridor.schemas.reference.ReferenceData;

/** The rules of a response to an alert: what it refers to, who responds, what each kind needs and allows. */
final class ResponseRules {

    static final int TEXT_MAX = 4000;
    /** Kinds that reply to an earlier response. */
    private static final Set<ResponseKind> REPLIES = EnumSet.of(ResponseKind.ANSWER, ResponseKind.RESHARE_DECISION);
    /** Kinds only a recipient body sends, and only the originating agency. */
    private static final Set<ResponseKind> BODY_ONLY = EnumSet.of(ResponseKind.OUTCOME, ResponseKind.RESHARE_REQUEST);
    private static final Set<ResponseKind> AGENCY_ONLY = EnumSet.of(ResponseKind.RESHARE_DECISION);

    private ResponseRules() {
    }

    static void identity(AlertResponse r, ReferenceData reference, Violations v) {
        v.present("responseId", r.getResponseId());
        Texts.agencyId(v, "alertAgency", r.getAlertAgency());
        v.present("alertId", r.getAlertId());
        if (r.getAlertVersion() < 1) {
            v.add("alertVersion", "must be at least 1, was " + r.getAlertVersion());
        }
        Responder responder = r.getResponder();
        if (!v.present("responder", responder) || !v.present("responder.kind", responder.getKind())) {
            return;
        }
        if (responder.getKind() == ResponderKind.BODY) {
            if (v.present("responder.id", responder.getId())) {
                Texts.knownBody(v, "responder.id", responder.getId(), reference);
            }
        } else {
            Texts.agencyId(v, "responder.id", responder.getId());
        }
    }

    static void kind(AlertResponse r, ReferenceData reference, Violations v) {
        ResponseKind kind = r.getKind();
        if (!v.present("kind", kind)) {
            return;
        }
        ResponderKind by = r.getResponder() == null ? null : r.getResponder().getKind();
        if (by == ResponderKind.AGENCY && BODY_ONLY.contains(kind)) {
            v.add("kind", "a " + kind + " comes from a recipient body, not from the originating agency");
        } else if (by == ResponderKind.BODY && AGENCY_ONLY.contains(kind)) {
            v.add("kind", "a " + kind + " comes from the originating agency, not from a body");
        }
        outcome(kind, r.getOutcome(), reference, v);
        if (REPLIES.contains(kind) && v.present("inReplyTo", r.getInReplyTo())
                && r.getInReplyTo().equals(r.getResponseId())) {
            v.add("inReplyTo", "a response cannot reply to itself");
        }
    }

    /** A question's due time and a re-share's bodies and decision. */
    static void requests(AlertResponse r, ReferenceData reference, Violations v) {
        if (r.getKind() == null) {
            return;
        }
        due(r.getKind(), r.getDueAt(), r.getRespondedAt(), v);
        reshare(r.getKind(), r.getReshareBodies(), r.getReshareApproved(), reference, v);
    }

    private static void outcome(ResponseKind kind, Outcome outcome, ReferenceData reference, Violations v) {
        if (kind != ResponseKind.OUTCOME) {
            if (outcome != null) {
                v.add("outcome", "only allowed when kind is OUTCOME");
            }
            return;
        }
        if (!v.present("outcome", outcome)) {
            return;
        }
        v.present("outcome.code", outcome.getCode());
        if (v.present("outcome.substances", outcome.getSubstances())) {
            SubstanceRules.each("outcome.substances", outcome.getSubstances(), reference, v);
        }
    }

    private static void due(ResponseKind kind, Instant due, Instant respondedAt, Violations v) {
        if (due == null) {
            return;
        }
        if (kind != ResponseKind.QUESTION) {
            v.add("dueAt", "only allowed when kind is QUESTION");
        } else if (respondedAt != null && !due.isAfter(respondedAt)) {
            v.add("dueAt", due + " is not after respondedAt " + respondedAt);
        }
    }

    private static void reshare(ResponseKind kind, List<String> bodies, Boolean approved, ReferenceData reference,
                                Violations v) {
        if (!v.present("reshareBodies", bodies)) {
            return;
        }
        boolean decision = kind == ResponseKind.RESHARE_DECISION;
        if (decision) {
            v.present("reshareApproved", approved);
        } else if (approved != null) {
            v.add("reshareApproved", "only allowed when kind is RESHARE_DECISION");
        }
        boolean needsBodies = kind == ResponseKind.RESHARE_REQUEST || (decision && Boolean.TRUE.equals(approved));
        if (needsBodies && bodies.isEmpty()) {
            v.add("reshareBodies", "a " + (decision ? "RESHARE_DECISION that approves" : "RESHARE_REQUEST")
                    + " names at least one body");
        } else if (!needsBodies && !bodies.isEmpty()) {
            v.add("reshareBodies", "only allowed for a RESHARE_REQUEST or a RESHARE_DECISION that approves");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            if (!v.present("reshareBodies[" + i + "]", body)) {
                continue;
            }
            if (Texts.knownBody(v, "reshareBodies[" + i + "]", body, reference) && !seen.add(body)) {
                v.add("reshareBodies[" + i + "]", Texts.quote(body) + " is named twice");
            }
        }
    }

    static void text(AlertResponse r, Violations v) {
        String text = r.getText();
        if (v.notBlank("text", text) && text.length() > TEXT_MAX) {
            v.add("text", "must be at most " + TEXT_MAX + " characters, was " + text.length());
        }
        Texts.language(v, "language", r.getLanguage());
        v.present("priority", r.getPriority());
    }
}

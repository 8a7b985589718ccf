package org.corridor.support.thread;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.Responder;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.json.ResponseJson;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.ResponseValidator;
import org.corridor.schemas.validation.Violation;

/**
 * A response as a party posts it over HTTP, completed with what the exchange sets and checked: the responder is the
 * caller (a response that names another party is forbidden, never rewritten), the alert is the one of the path and the
 * version the one the caller may respond to; an absent {@code responseId} is derived from the idempotency key (the
 * same key gives the same id, so a retried post is recognisable downstream) or drawn at random; an absent
 * {@code respondedAt} is now. Then every rule of {@link ResponseValidator}. Pure apart from the clock and the random id.
 */
public final class ResponseDraft {

    /**
     * The completed response, or what is wrong with it.
     *
     * @param forbidden whether it names another responder than the caller (403, not 400)
     */
    public record Checked(AlertResponse response, List<Violation> violations, boolean forbidden) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private ResponseDraft() {
    }

    /**
     * @param read           the posted JSON as read
     * @param caller         who posts it
     * @param alertAgency    the originating agency of the alert, as the exchange knows it
     * @param alertId        the alert of the path
     * @param version        the version responded to, as the exchange resolved it
     * @param idempotencyKey the request's Idempotency-Key, or null
     */
    public static Checked complete(ResponseJson.Read read, Topics.Party caller, String alertAgency, UUID alertId, int version,
                                   String idempotencyKey, ResponseValidator validator, Clock clock) {
        if (!read.ok()) {
            return new Checked(null, read.violations(), false);
        }
        AlertResponse r = read.response();
        Responder self = new Responder(caller.body() ? ResponderKind.BODY : ResponderKind.AGENCY, caller.id());
        if (r.getResponder() != null && !r.getResponder().equals(self)) {
            return new Checked(null, List.of(new Violation("responder", r.getResponder().getKind() + " \""
                    + r.getResponder().getId() + "\" is not the caller, " + caller + ": nobody responds as another party")), true);
        }
        List<Violation> violations = new ArrayList<>();
        if (r.getAlertId() != null && !r.getAlertId().equals(alertId)) {
            violations.add(new Violation("alertId", r.getAlertId() + " is not the alert of the path, " + alertId
                    + " (leave it out)"));
        }
        if (r.getAlertAgency() != null && !r.getAlertAgency().equals(alertAgency)) {
            violations.add(new Violation("alertAgency", "\"" + r.getAlertAgency() + "\" is not the originator of alert "
                    + alertId + ", \"" + alertAgency + "\" (leave it out)"));
        }
        if (r.getAlertVersion() != 0 && r.getAlertVersion() != version) {
            violations.add(new Violation("alertVersion", r.getAlertVersion() + " is not the version responded to, " + version));
        }
        if (!violations.isEmpty()) {
            return new Checked(null, violations, false);
        }
        AlertResponse.Builder b = AlertResponse.newBuilder(r).setResponder(self).setAlertAgency(alertAgency)
                .setAlertId(alertId).setAlertVersion(version);
        if (r.getResponseId() == null) {
            b.setResponseId(idempotencyKey == null ? UUID.randomUUID() : UUID.nameUUIDFromBytes(
                    (caller + "\n" + alertAgency + "/" + alertId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)));
        }
        if (r.getRespondedAt() == null) {
            b.setRespondedAt(clock.instant());
        }
        AlertResponse completed = b.build();
        return new Checked(completed, validator.validate(completed), false);
    }
}

package org.corridor.producer.rest;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.corridor.producer.metrics.IngestMetrics.Reason;
import org.corridor.producer.publish.PublishResult;
import org.corridor.schemas.avro.Lifecycle;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.validation.Violation;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * One new alert of a POST (single or in a batch), read from its JSON: the publication to run, or the answer that
 * refuses it with why. It is read as {@link AgencyAlert} reads any alert of the agency; one that is not a NEW
 * version 1 is refused too; a missing alert id is generated. The publisher validates the rest when it runs.
 *
 * @param publication runs the publication (null when refused)
 * @param refusal     the answer when refused (null otherwise)
 * @param reason      the metric's reason of a refusal
 */
record NewAlert(Supplier<CompletableFuture<PublishResult>> publication, ResponseEntity<?> refusal, Reason reason) {

    static NewAlert read(AgencyAccount agency, AlertJson.Read read, PublishCall publish, String traceId, Clock clock) {
        AgencyAlert own = AgencyAlert.read(agency, read);
        if (own.refusal() != null) {
            return refused(own.refusal(), own.reason());
        }
        TraffickingAlert alert = own.alert();
        if (alert.getLifecycle() != Lifecycle.NEW || alert.getVersion() != 1) {
            return refused(Problems.invalid(List.of(new Violation("lifecycle",
                    "POST publishes NEW alerts (version 1); use PUT to correct and DELETE to retract"))), Reason.INVALID);
        }
        boolean idGiven = alert.getAlertId() != null;
        if (!idGiven) {
            alert.setAlertId(UUID.randomUUID());
        }
        AgencyAlert.stamp(alert, agency, clock);
        // The publisher validates (400) and, for an id the agency chose, refuses one it already published (409).
        return new NewAlert(() -> idGiven ? publish.publisher(agency.id()).publishNew(alert, traceId)
                : publish.publisher(agency.id()).publish(alert, traceId), null, null);
    }

    static NewAlert read(AgencyAccount agency, String json, PublishCall publish, String traceId, Clock clock) {
        return read(agency, AlertJson.read(json), publish, traceId, clock);
    }

    static NewAlert read(AgencyAccount agency, JsonNode json, PublishCall publish, String traceId, Clock clock) {
        return read(agency, AlertJson.read(json), publish, traceId, clock);
    }

    private static NewAlert refused(ResponseEntity<?> refusal, Reason reason) {
        return new NewAlert(null, refusal, reason);
    }
}

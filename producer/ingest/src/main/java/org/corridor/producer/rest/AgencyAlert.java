package org.corridor.producer.rest;

import java.time.Clock;
import java.util.List;

import org.corridor.producer.metrics.IngestMetrics.Reason;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An alert of the token's agency read from request JSON (POST, PUT, each alert of a batch), or the answer refusing
 * it: malformed or mistyped (400), or naming another agency than the token's (403).
 *
 * @param alert   the alert (null when refused)
 * @param refusal the answer when refused (null otherwise)
 * @param reason  the metric's reason of a refusal
 */
record AgencyAlert(TraffickingAlert alert, ResponseEntity<?> refusal, Reason reason) {

    static AgencyAlert read(AgencyAccount agency, AlertJson.Read read) {
        if (!read.ok()) {
            List<Violation> v = read.violations();
            boolean malformed = v.size() == 1 && v.get(0).path().equals("body");
            return new AgencyAlert(null, Problems.invalid(v), malformed ? Reason.MALFORMED : Reason.INVALID);
        }
        Agency claimed = read.alert().getOriginAgency();
        if (claimed != null && claimed.getAgencyId() != null && !claimed.getAgencyId().equals(agency.id())) {
            return new AgencyAlert(null, Problems.of(HttpStatus.FORBIDDEN, "wrong-agency", "originAgency.agencyId: \""
                    + claimed.getAgencyId() + "\" is not the agency of this token (" + agency.id() + ")"), Reason.FORBIDDEN);
        }
        return new AgencyAlert(read.alert(), null, null);
    }

    /** Sets what the service decides, not the caller: the token's agency as the origin, and the time reported. */
    static void stamp(TraffickingAlert alert, AgencyAccount agency, Clock clock) {
        alert.setOriginAgency(new Agency(agency.id(), agency.country(), agency.name()));
        alert.setReportedAt(clock.instant());
    }
}

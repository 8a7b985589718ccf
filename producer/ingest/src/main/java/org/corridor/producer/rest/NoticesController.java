package org.corridor.producer.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.common.KafkaException;
import org.corridor.schemas.avro.CorrelationNotice;
import org.corridor.support.kafka.PartyTopicReader;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's blind notices (the correlation issue's item 3): another report held at the exchange may concern the
 * same event as one of the agency's alerts; ask through the bodies named. Read from the agency's own links topic as
 * the agency, so nothing but what the correlator released to it; one entry per notice, its latest state, newest first.
 * The bearer token decides the agency.
 */
@RestController
class NoticesController {

    private final AgencyNotices notices;

    NoticesController(AgencyNotices notices) {
        this.notices = notices;
    }

    @Operation(summary = "The agency's blind notices: its alerts that another report at the exchange may concern")
    @PreAuthorize("hasRole('AGENCY')")
    @GetMapping(path = "/api/v1/correlation-notices", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> notices(HttpServletRequest request) {
        AgencyAccount agency = (AgencyAccount) request.getAttribute(AgencyAuthFilter.AGENCY);
        PartyTopicReader.Read<CorrelationNotice> read;
        try {
            read = notices.read(agency.id());
        } catch (KafkaException e) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-yet", "the notices could not be read now: "
                    + e.getMessage() + "; try again");
        }
        Map<String, CorrelationNotice> latest = new LinkedHashMap<>();
        for (CorrelationNotice n : read.values()) {
            CorrelationNotice before = latest.get(n.getNoticeId());
            if (n.getAgency().equals(agency.id()) && (before == null || !n.getDecidedAt().isBefore(before.getDecidedAt()))) {
                latest.put(n.getNoticeId(), n);
            }
        }
        List<Map<String, Object>> list = new ArrayList<>();
        latest.values().stream().sorted((x, y) -> y.getDecidedAt().compareTo(x.getDecidedAt())).forEach(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("noticeId", n.getNoticeId());
            m.put("alertId", n.getAlertId().toString());
            m.put("alertVersion", n.getAlertVersion());
            m.put("status", n.getStatus().name());
            m.put("askThrough", n.getAskThrough());
            m.put("decidedAt", n.getDecidedAt().toString());
            m.put("text", n.getStatus().name().equals("WITHDRAWN") ? "the earlier notice about this alert no longer holds"
                    : "a report held at the exchange may concern the same event; ask through " + String.join(", ", n.getAskThrough()));
            list.add(m);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agency", agency.id());
        answer.put("notices", list);
        answer.put("undecodable", read.undecodable());
        return ResponseEntity.ok(answer);
    }
}

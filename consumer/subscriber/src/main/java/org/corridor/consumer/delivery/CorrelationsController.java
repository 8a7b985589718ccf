package org.corridor.consumer.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.KafkaException;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.LinkedAlert;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.kafka.PartyTopicReader;
import org.corridor.support.serde.Serdes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A body's correlation hits: the links the correlator found between two alerts the body received both of, read from
 * the body's own links topic ({@code alerts.links.body-<slug>}) as the body, so it can show nothing the correlator did
 * not release to that body. One entry per pair, its latest state ({@code LINKED}, {@code UPDATED} or
 * {@code WITHDRAWN}), newest first. Only the body itself ({@link FeedsSecurity}, repeated on the handler).
 */
@RestController
class CorrelationsController {

    private final FeedSinks sinks;
    private final BodyClients clients;
    private final SchemaRegistryClient registry;

    CorrelationsController(FeedSinks sinks, BodyClients clients, SchemaRegistryClient registry) {
        this.sinks = sinks;
        this.clients = clients;
        this.registry = registry;
    }

    @PreAuthorize("hasAuthority('BODY_' + #body)")
    @GetMapping(path = "/api/v1/feeds/{body}/correlations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> correlations(@PathVariable String body) {
        if (sinks.of(body).isEmpty()) {
            return FeedsController.problem(HttpStatus.NOT_FOUND, "body-not-served", "body", body + " is not served by this subscriber");
        }
        PartyTopicReader.Read<CorrelationHit> read;
        try {
            read = new PartyTopicReader<>(clients.forBody(body), Serdes.reader(registry, CorrelationHit.class),
                    Duration.ofSeconds(10)).read(Topics.bodyLinks(body), key -> true);
        } catch (KafkaException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(FeedsController.problem(HttpStatus.SERVICE_UNAVAILABLE, "not-yet", null,
                            "the body's links could not be read now: " + e.getMessage() + "; try again").getBody());
        }
        Map<String, CorrelationHit> latest = new LinkedHashMap<>();
        for (CorrelationHit h : read.values()) {
            CorrelationHit before = latest.get(h.getPair());
            if (before == null || !h.getDecidedAt().isBefore(before.getDecidedAt())) {
                latest.put(h.getPair(), h);
            }
        }
        List<Map<String, Object>> links = new ArrayList<>();
        latest.values().stream().sorted((x, y) -> y.getDecidedAt().compareTo(x.getDecidedAt()))
                .forEach(h -> links.add(json(h)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("body", body);
        answer.put("correlations", links);
        answer.put("undecodable", read.undecodable());
        return ResponseEntity.ok(answer);
    }

    private static Map<String, Object> json(CorrelationHit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pair", h.getPair());
        m.put("a", side(h.getA()));
        m.put("b", side(h.getB()));
        m.put("status", h.getStatus().name());
        m.put("kind", h.getKind() == null ? null : h.getKind().name());
        m.put("score", h.getScore());
        m.put("keys", h.getKeys());
        m.put("reason", h.getReason());
        m.put("decidedAt", h.getDecidedAt().toString());
        return m;
    }

    private static Map<String, Object> side(LinkedAlert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agency", a.getAgency());
        m.put("alertId", a.getAlertId().toString());
        m.put("version", a.getVersion());
        return m;
    }
}

package org.corridor.producer.rest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.corridor.producer.metrics.IngestMetrics;
import org.corridor.producer.metrics.IngestMetrics.Reason;
import org.corridor.producer.publish.PublishResult;
import org.corridor.schemas.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/alerts/batch}: up to {@code corridor.ingest.batch-max-alerts} new alerts in one request. Each
 * alert is read, checked and started at once, so their writes share the producer's batches; the answer is a future
 * of all their answers (one deadline, {@code publish-timeout}, for all), completed when the broker acknowledged or
 * the deadline passed for each one, with no thread waiting; it lists one result per alert in order: the 202 entry of
 * a single POST, or its problem. One bad alert refuses only itself. The batch takes
 * one rate-limit permit per alert.
 */
@Component
class BatchPublication {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PublishCall publish;
    private final IngestProperties properties;
    private final AgencyRateLimits limits;
    private final IngestMetrics metrics;
    private final Clock clock;

    BatchPublication(PublishCall publish, IngestProperties properties, AgencyRateLimits limits, IngestMetrics metrics,
                     Clock clock) {
        this.publish = publish;
        this.properties = properties;
        this.limits = limits;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The batch's answer, completed once every published alert is acknowledged or timed out. */
    CompletableFuture<ResponseEntity<?>> publish(AgencyAccount agency, String body, String traceId) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return done(refused(agency, "body", "malformed JSON" + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()), Reason.MALFORMED));
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            return done(refused(agency, "body", "must be a JSON array of at least one alert", Reason.INVALID));
        }
        if (root.size() > properties.batchMaxAlerts()) {
            return done(refused(agency, "body", "holds " + root.size() + " alerts; a batch holds at most "
                    + properties.batchMaxAlerts() + " (corridor.ingest.batch-max-alerts)", Reason.INVALID));
        }
        if (properties.rateLimit() > 0 && !limits.acquire(agency.id(), root.size() - 1)) {
            metrics.rejected(agency.id(), Reason.TOO_MANY_REQUESTS);
            ResponseEntity<ProblemDetail> p = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "agency "
                    + agency.id() + " may send " + limits.perSecond() + " alerts per second; this batch holds " + root.size());
            return done(ResponseEntity.status(429).headers(p.getHeaders())
                    .header("Retry-After", Long.toString(limits.retryAfterSeconds())).body(p.getBody()));
        }
        long started = System.nanoTime();
        // Every publication starts before any answer is awaited: their writes share the producer's batches.
        List<CompletableFuture<ResponseEntity<?>>> answers = new ArrayList<>(root.size());
        for (JsonNode item : root) {
            NewAlert alert = NewAlert.read(agency, item, publish, traceId, clock);
            if (alert.refusal() != null) {
                metrics.rejected(agency.id(), alert.reason());
                answers.add(CompletableFuture.completedFuture(alert.refusal()));
            } else {
                answers.add(publish.answer(agency, PublishCall.start(alert.publication()), started));
            }
        }
        // Each answer completes by its acknowledgement or by the one deadline they share: no thread waits for them.
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> summary(answers));
    }

    private static ResponseEntity<?> summary(List<CompletableFuture<ResponseEntity<?>>> answers) {
        List<Map<String, Object>> results = new ArrayList<>(answers.size());
        int accepted = 0;
        int retriable = 0;
        for (int i = 0; i < answers.size(); i++) {
            ResponseEntity<?> answer = answers.get(i).join();
            int status = answer.getStatusCode().value();
            accepted += status == 202 ? 1 : 0;
            retriable += status >= 500 || status == 429 ? 1 : 0;
            results.add(entry(i, answer));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", accepted);
        out.put("rejected", results.size() - accepted);
        // Alerts that were not written and may be on a retry of just them (503: the broker could not take them now).
        out.put("retriable", retriable);
        out.put("results", results);
        return ResponseEntity.ok(out);
    }

    /**
     * Whether a retry of the same batch would get the same answer, so an Idempotency-Key keeps it: a refused batch
     * (400), or one whose every alert was accepted or refused for good (no 5xx, no 429 among them).
     */
    static boolean isFinal(ResponseEntity<?> response) {
        int status = response.getStatusCode().value();
        if (status == 400) {
            return true;
        }
        if (status != 200 || !(response.getBody() instanceof Map<?, ?> body)) {
            return false;
        }
        return body.get("retriable") instanceof Integer n && n == 0;
    }

    /** One result: its index, its status, then the 202 body's fields or the problem's. */
    private static Map<String, Object> entry(int index, ResponseEntity<?> answer) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("index", index);
        e.put("status", answer.getStatusCode().value());
        if (answer.getBody() instanceof ProblemDetail p) {
            e.put("type", String.valueOf(p.getType()));
            e.put("title", p.getTitle());
            e.put("detail", p.getDetail());
            if (p.getProperties() != null) {
                e.putAll(p.getProperties());
            }
        } else if (answer.getBody() instanceof Map<?, ?> m) {
            m.forEach((k, v) -> e.put(String.valueOf(k), v));
        }
        return e;
    }

    private static CompletableFuture<ResponseEntity<?>> done(ResponseEntity<?> answer) {
        return CompletableFuture.completedFuture(answer);
    }

    private ResponseEntity<?> refused(AgencyAccount agency, String field, String message, Reason reason) {
        metrics.rejected(agency.id(), reason);
        ResponseEntity<ProblemDetail> p = Problems.invalid(List.of(new Violation(field, message)));
        p.getBody().setType(java.net.URI.create("urn:corridor:problem:invalid-batch"));
        return p;
    }
}

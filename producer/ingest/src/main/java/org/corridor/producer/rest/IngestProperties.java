package org.corridor.producer.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the REST ingest ({@code corridor.ingest.*}); Kafka client settings come from {@code spring.kafka.*}.
 *
 * @param agencies           agencies that may publish, with their token hashes
 * @param schemaRegistryUrl  the schema registry (Corridor's or Confluent's)
 * @param maxBodySize        larger request bodies get 413
 * @param publishTimeout     how long a request waits for the broker's acknowledgement before answering 503 (no
 *                           thread waits: the answer is written when the acknowledgement or the timeout comes)
 * @param retryAfter         the Retry-After of a 503
 * @param idempotencyTtl     how long an Idempotency-Key is remembered
 * @param inboundPartitions  partitions of each agency's inbound topic when the service creates it
 * @param replicationFactor  replication factor of the inbound topics it creates
 * @param rateLimit          requests per second each agency may make; more get 429 with Retry-After (0: no limit)
 * @param batchMaxAlerts     alerts one {@code POST /api/v1/alerts/batch} may carry
 * @param batchMaxBodySize   the body limit of that path alone (every other path keeps {@code maxBodySize})
 * @param stateDir           where the service keeps, on disk, the status of every alert ({@code status/}) and the
 *                           index of the alert ids on each agency's topic ({@code publisher/}), each resumed from its
 *                           checkpoint at start and rebuilt from the topics when missing or stale; unset: temporary
 *                           directories, so each start reads the topics again. One directory per instance.
 * @param correctionThreads  threads for corrections and retractions, which wait for the log off the servlet threads
 * @param correctionQueue    corrections and retractions that may wait for one of those threads; more get 503
 * @param questionDue        when a body's question to the originator is due unless it gives {@code dueAt}, by
 *                           priority: {@code urgent} (4 h), {@code priority} (24 h), {@code routine} (72 h)
 * @param questionCheckInterval how often questions past due are looked for and escalated
 * @param feedbackAge        the feedback rate of a body counts the alerts delivered to it at least this long ago
 *                           (default 14 days): the share of them it reported an outcome for
 * @param feedbackInterval   how often the open and overdue questions and the feedback rates are counted again (a
 *                           scan of the status view)
 * @param inboxSink          how each agency's inbox (the responses released to it) is delivered when
 *                           {@code inbox-webhooks} has no endpoint for it: {@code file} (JSON lines per agency and
 *                           day under {@code inbox-dir}), {@code log}, or {@code none} (REST only)
 * @param inboxDir           where inbox files go, one folder per agency ({@code agency-<id>})
 * @param inboxWebhooks      agencies whose inbox is POSTed to an endpoint, signed per Standard Webhooks:
 *                           {@code corridor.ingest.inbox-webhooks[kz-customs].url=...}, {@code .secret=whsec_...}
 * @param inboxRetryBackoff  first wait before an inbox delivery that failed is tried again (doubled up to 30 s)
 */
@Validated
@ConfigurationProperties("corridor.ingest")
public record IngestProperties(
        @DefaultValue({}) @Valid List<AgencyAccount> agencies,
        @DefaultValue("http://localhost:8081") @NotBlank String schemaRegistryUrl,
        @DefaultValue("256KB") @NotNull DataSize maxBodySize,
        @DefaultValue("15s") @NotNull Duration publishTimeout,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue("24h") @NotNull Duration idempotencyTtl,
        @DefaultValue("3") @Min(1) int inboundPartitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("1000") @Min(0) int rateLimit,
        @DefaultValue("500") @Min(1) @jakarta.validation.constraints.Max(10_000) int batchMaxAlerts,
        @DefaultValue("8MB") @NotNull DataSize batchMaxBodySize,
        Path stateDir,
        @DefaultValue("8") @Min(1) @jakarta.validation.constraints.Max(256) int correctionThreads,
        @DefaultValue("1000") @Min(1) int correctionQueue,
        @DefaultValue @NotNull @Valid QuestionDueTimes questionDue,
        @DefaultValue("30s") @NotNull Duration questionCheckInterval,
        @DefaultValue("14d") @NotNull Duration feedbackAge,
        @DefaultValue("60s") @NotNull @org.hibernate.validator.constraints.time.DurationMin(millis = 100) Duration feedbackInterval,
        @DefaultValue("file") @jakarta.validation.constraints.Pattern(regexp = "file|log|none", message = "must be file, log or none") String inboxSink,
        @DefaultValue("./data/inboxes") @NotNull Path inboxDir,
        @DefaultValue({}) java.util.Map<String, org.corridor.support.inbox.InboxWebhook> inboxWebhooks,
        @DefaultValue("500ms") @NotNull @org.hibernate.validator.constraints.time.DurationMin(millis = 1) Duration inboxRetryBackoff) {

    /** When a question is due by default, by its priority. */
    public record QuestionDueTimes(@DefaultValue("4h") @NotNull Duration urgent, @DefaultValue("24h") @NotNull Duration priority,
                                   @DefaultValue("72h") @NotNull Duration routine) {
    }

    /**
     * A token identifies one agency: two agencies with the same token hash (or the same id) would let one publish as
     * the other, so such a table stops the start, naming both. So does a state directory that is a file.
     */
    public IngestProperties {
        java.util.Map<String, String> ownerOfToken = new java.util.HashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (AgencyAccount a : agencies == null ? List.<AgencyAccount>of() : agencies) {
            if (a == null) {
                continue;
            }
            if (a.id() != null && !ids.add(a.id())) {
                throw new IllegalArgumentException("corridor.ingest.agencies: agency " + a.id() + " is listed twice");
            }
            String other = a.tokenSha256() == null ? null : ownerOfToken.putIfAbsent(a.tokenSha256(), a.id());
            if (other != null) {
                throw new IllegalArgumentException("corridor.ingest.agencies: agencies " + other + " and " + a.id()
                        + " have the same token (token-sha256): each agency needs a token of its own");
            }
        }
        inboxWebhooks = inboxWebhooks == null ? java.util.Map.of() : java.util.Map.copyOf(inboxWebhooks);
        if (stateDir != null && Files.exists(stateDir) && !Files.isDirectory(stateDir)) {
            throw new IllegalArgumentException("corridor.ingest.state-dir: " + stateDir + " is a file; give a directory"
                    + " (created if missing) or leave it unset for temporary ones");
        }
    }
}

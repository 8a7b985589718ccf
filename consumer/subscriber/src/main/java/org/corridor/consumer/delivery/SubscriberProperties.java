package org.corridor.consumer.delivery;

import org.corridor.support.webhook.WebhookUrl;
import org.corridor.support.webhook.WebhookSignature;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.corridor.schemas.avro.Priority;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the subscribers ({@code corridor.subscriber.*}).
 *
 * @param bodies            the bodies this process serves (default: all 13)
 * @param sink              {@code file} (JSON lines per body and day) or {@code log}
 * @param fileDir           where file sinks write, one folder per body
 * @param schemaRegistryUrl the schema registry
 * @param webhooks          bodies delivered by HTTP instead: body id to endpoint and signing secret
 *                          ({@code corridor.subscriber.webhooks[UNODC].url=...})
 * @param webhookMaxAttempts attempts per alert before it is parked
 * @param webhookBackoff    first wait between attempts (doubled, with jitter)
 * @param webhookMaxBackoff longest wait between attempts
 * @param webhookCircuitWindow  calls of a webhook over which its failure rate is measured
 * @param webhookCircuitMinimumCalls calls before the failure rate counts
 * @param webhookCircuitFailureRate  failure rate (percent) at which the circuit opens: records are parked at once
 * @param webhookCircuitOpen    how long an open circuit parks records before it lets a trial call through
 * @param retryBackoff      first wait before a poll whose delivery failed (a file sink's disk, receipts not written,
 *                          an unreachable broker) is delivered again; doubled after each failure, retried without end
 * @param maxRetryBackoff   longest wait between those retries
 * @param authRetryInterval wait before a body's consumer tries again after an authorization error (ACLs not there
 *                          yet, a rotated password) instead of stopping
 * @param redriveTimeout    how long a re-drive or replay waits for the topic's partitions
 * @param redrivePollTimeout longest wait of one poll of a re-drive or replay
 * @param ackDeadlines      how long a body has to acknowledge an alert, by priority (URGENT: 8h); none for others
 * @param deadlineCheckInterval how often deadlines are checked (100 ms at least)
 * @param stateDir          where this process keeps what it delivered to each body and the acknowledgement clocks
 *                          (RocksDB, kept up with {@code alerts.receipts} and rebuilt from it when missing or stale);
 *                          unset: a temporary directory, so each start reads the whole topic again. One per process
 * @param ackReadTimeout    how long an acknowledgement of a version not seen delivered waits for
 *                          {@code alerts.receipts} to be read up to the request, before 503
 * @param replicationFactor replication factor of the topics the subscribers create (parked topics, receipts) when
 *                          they are missing; 3 on a production cluster with min.insync.replicas 2
 * @param instanceId        names this subscriber process: each body's consumer joins its group as the static member
 *                          {@code <instance-id>-<body>}, so a restarted process (a crash, a redeploy) gets its
 *                          partitions back at once instead of after the session timeout; two processes serving the
 *                          same body need different ids
 * @param bodyPasswords     on a secured broker: body id to the SCRAM password of its principal {@code body-<id>}
 *                          (environment: {@code CORRIDOR_SUBSCRIBER_BODYPASSWORDS_PARIS_PACT=...}); each
 *                          body's feed is then read (and re-driven, replayed) as that body, so the broker refuses a
 *                          mix-up of feeds in this service
 * @param inboxSink         how the served bodies' inboxes (responses shared with them, answers to their questions) are
 *                          delivered when {@code inbox-webhooks} has no endpoint for the body: {@code file} (JSON lines
 *                          per body and day under {@code inbox-dir}), {@code log}, or {@code none} (REST only)
 * @param inboxDir          where inbox files go, one folder per body ({@code body-<slug>})
 * @param inboxWebhooks     bodies whose inbox is POSTed to an endpoint instead, signed like their feeds:
 *                          {@code corridor.subscriber.inbox-webhooks[CARICC].url=...}, {@code .secret=whsec_...}
 */
@Validated
@ConfigurationProperties("corridor.subscriber")
public record SubscriberProperties(
        @DefaultValue({}) List<String> bodies,
        @DefaultValue("file") @Pattern(regexp = "file|log", message = "must be file or log") String sink,
        @DefaultValue("./data/feeds") @NotNull Path fileDir,
        @DefaultValue("http://localhost:8081") String schemaRegistryUrl,
        @DefaultValue({}) Map<String, @Valid Webhook> webhooks,
        @DefaultValue("5") @Min(1) int webhookMaxAttempts,
        @DefaultValue("500ms") @NotNull Duration webhookBackoff,
        @DefaultValue("30s") @NotNull Duration webhookMaxBackoff,
        @DefaultValue("10") @Min(1) int webhookCircuitWindow,
        @DefaultValue("5") @Min(1) int webhookCircuitMinimumCalls,
        @DefaultValue("50") @Min(1) @Max(100) int webhookCircuitFailureRate,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration webhookCircuitOpen,
        @DefaultValue("500ms") @NotNull @DurationMin(millis = 1) Duration retryBackoff,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration maxRetryBackoff,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration authRetryInterval,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration redriveTimeout,
        @DefaultValue("300ms") @NotNull @DurationMin(millis = 1) Duration redrivePollTimeout,
        Map<Priority, Duration> ackDeadlines,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration deadlineCheckInterval,
        Path stateDir,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration ackReadTimeout,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("subscriber-1") @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, dot, underscore and hyphen only") String instanceId,
        Map<String, String> bodyPasswords,
        @DefaultValue("file") @Pattern(regexp = "file|log|none", message = "must be file, log or none") String inboxSink,
        @DefaultValue("./data/inboxes") @NotNull Path inboxDir,
        @DefaultValue({}) Map<String, org.corridor.support.inbox.InboxWebhook> inboxWebhooks) {

    public SubscriberProperties {
        // Keys bound from environment variables arrive in lower case with dots (paris.pact): back to body ids.
        Map<String, String> normalized = new java.util.HashMap<>();
        if (bodyPasswords != null) {
            bodyPasswords.forEach((body, password) -> normalized.put(
                    body.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'), password));
        }
        bodyPasswords = Map.copyOf(normalized);
        inboxWebhooks = inboxWebhooks == null ? Map.of() : Map.copyOf(inboxWebhooks);
        ackDeadlines = ackDeadlines == null || ackDeadlines.isEmpty() ? Map.of(Priority.URGENT, Duration.ofHours(8)) : Map.copyOf(ackDeadlines);
    }

    /** Never prints the passwords or webhook secrets. */
    @Override
    public String toString() {
        return "SubscriberProperties[bodies=" + bodies + ", instanceId=" + instanceId + ", sink=" + sink + ", fileDir=" + fileDir + ", webhooks="
                + webhooks + ", bodyPasswords=" + bodyPasswords.keySet() + ", inboxSink=" + inboxSink + ", inboxWebhooks=" + inboxWebhooks + "]";
    }

    /**
     * A body's HTTP endpoint.
     *
     * @param url     where alerts are POSTed: {@code https://}, or {@code http://} only to a loopback host
     *                {@link WebhookUrl}
     * @param secret  the Standard Webhooks signing secret shared with the body, {@code whsec_} and the base64 of at
     *                least 24 random bytes; a secret without the prefix (configured before the scheme) is taken as
     *                its UTF-8 bytes, with a warning at start ({@link WebhookSignature#ofSecret})
     * @param timeout connect and request timeout
     */
    @ValidWebhook
    public record Webhook(String url, String secret, @DefaultValue("10s") @NotNull Duration timeout) {

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", timeout=" + timeout + "]";
        }
    }
}

package org.corridor.consumer.delivery;

import org.corridor.support.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.producer.Producer;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bodies this process serves ({@code corridor.subscriber.bodies}, default all 13) and the {@link FeedSink} of
 * each: its webhook (retried, then parked) when {@code webhooks} has one, else the configured file or log sink. A body
 * id that is not one of the reference bodies stops the start with the key and the allowed ids. {@link #close()} closes
 * the sinks that hold files; call it only once nothing delivers any more.
 */
final class FeedSinks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedSinks.class);

    private final Map<String, FeedSink> sinks;

    private FeedSinks(Map<String, FeedSink> sinks) {
        this.sinks = sinks;
    }

    /** @param parking the producer that parks a webhook's failed records (the receipts' own) */
    static FeedSinks of(SubscriberProperties properties, ReferenceData reference, Receipts receipts,
                        Producer<String, byte[]> parking) {
        List<String> bodies = properties.bodies().isEmpty() ? new ArrayList<>(reference.bodyIds()) : properties.bodies();
        check("corridor.subscriber.webhooks", properties.webhooks().keySet(), reference);
        check("corridor.subscriber.bodies", bodies, reference);
        Map<String, FeedSink> sinks = new LinkedHashMap<>();
        for (String body : bodies) {
            SubscriberProperties.Webhook hook = properties.webhooks().get(body);
            sinks.put(body, hook == null ? sink(properties, body, receipts)
                    : new ResilientDelivery(body, webhook(body, hook), properties, receipts, parking));
        }
        return new FeedSinks(java.util.Collections.unmodifiableMap(sinks));
    }

    /** The settings were validated ({@link ValidWebhook}); a secret without {@code whsec_} is still accepted. */
    private static WebhookSink webhook(String body, SubscriberProperties.Webhook hook) {
        if (!WebhookSignature.isStandardSecret(hook.secret())) {
            log.warn("corridor.subscriber.webhooks[{}].secret does not start with {}: its UTF-8 bytes are the signing key."
                    + " A Standard Webhooks library at the receiver needs it as {} and the base64 of those bytes;"
                    + " configure it that way (the signatures stay the same)", body, WebhookSignature.SECRET_PREFIX,
                    WebhookSignature.SECRET_PREFIX);
        }
        return new WebhookSink(URI.create(hook.url().strip()), WebhookSignature.ofSecret(hook.secret()), hook.timeout(),
                Clock.systemUTC());
    }

    private static void check(String key, java.util.Collection<String> bodies, ReferenceData reference) {
        for (String body : bodies) {
            if (!reference.isKnownBody(body)) {
                throw new IllegalArgumentException(key + ": \"" + body + "\" is not a known body (one of "
                        + String.join(", ", reference.bodyIds()) + ")");
            }
        }
    }

    private static FeedSink sink(SubscriberProperties properties, String body, Receipts receipts) {
        if (properties.sink().equals("log")) {
            return new LogSink(receipts);
        }
        try {
            Files.createDirectories(properties.fileDir());
        } catch (IOException e) {
            throw new UncheckedIOException("corridor.subscriber.file-dir: cannot create " + properties.fileDir(), e);
        }
        return new FileSink(properties.fileDir().resolve(Topics.feed(body).substring(Topics.FEED_PREFIX.length())),
                Clock.systemUTC(), receipts);
    }

    /** The bodies served, in the configured order. */
    Set<String> bodies() {
        return sinks.keySet();
    }

    /** The sink of a body this process serves. */
    Optional<FeedSink> of(String body) {
        return Optional.ofNullable(sinks.get(body));
    }

    @Override
    public void close() {
        for (Map.Entry<String, FeedSink> e : sinks.entrySet()) {
            if (e.getValue() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ex) {
                    log.warn("{}: closing its sink failed: {}", e.getKey(), ex.getMessage());
                }
            }
        }
    }
}

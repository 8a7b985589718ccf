package org.corridor.support.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.serde.AvroDeserializer;

/**
 * The inbox deliveries of a service: one {@link InboxDelivery} per party it delivers for, each into that party's
 * webhook when one is configured, else into files ({@code <dir>/<party>/<day>.jsonl}) or the log. Closing it stops
 * them all.
 */
public final class InboxDeliveries implements AutoCloseable {

    /**
     * How a service delivers inboxes.
     *
     * @param sink       {@code file}, {@code log} or {@code none} (not delivered; still readable over REST)
     * @param dir        where {@code file} writes, one folder per party
     * @param webhooks   party ids (body id or agency id) to their endpoints; these parties get webhooks whatever
     *                   {@code sink} says
     * @param backoff    first wait after a failed delivery
     * @param maxBackoff longest wait between attempts
     * @param key        the settings' key prefix, for errors
     */
    public record Settings(String sink, Path dir, Map<String, InboxWebhook> webhooks, Duration backoff, Duration maxBackoff,
                           String key) {

        public Settings {
            webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
            if (backoff == null || backoff.isNegative() || backoff.isZero()) {
                throw new IllegalArgumentException(key + ": the inbox retry backoff must be positive, was " + backoff);
            }
            if (!List.of("file", "log", "none").contains(sink)) {
                throw new IllegalArgumentException(key + ".inbox-sink must be file, log or none, not \"" + sink + "\"");
            }
        }
    }

    private final List<InboxDelivery> deliveries;
    private final List<AutoCloseable> after = new java.util.concurrent.CopyOnWriteArrayList<>();

    private InboxDeliveries(List<InboxDelivery> deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Starts one delivery per party.
     *
     * @param consumerProps the consumer settings of each party, as its own principal
     * @throws IllegalArgumentException when a webhook is configured for a party not delivered here, or is invalid
     */
    public static InboxDeliveries start(List<Topics.Party> parties, Function<Topics.Party, Map<String, Object>> consumerProps,
                                        AvroDeserializer<AlertResponse> reader, InboxReceipts receipts, Settings settings,
                                        MeterRegistry meters, Clock clock) {
        List<String> ids = parties.stream().map(Topics.Party::id).toList();
        for (String id : settings.webhooks().keySet()) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException(settings.key() + ".inbox-webhooks: \"" + id
                        + "\" is not a party whose inbox this service delivers (one of " + String.join(", ", ids) + ")");
            }
        }
        List<InboxSink> sinks = new ArrayList<>();
        for (Topics.Party party : parties) {
            InboxWebhook hook = settings.webhooks().get(party.id());
            if (hook != null) {
                sinks.add(hook.sink(settings.key() + ".inbox-webhooks[" + party.id() + "]", clock));
            } else if (settings.sink().equals("file")) {
                sinks.add(new InboxFileSink(directory(settings.dir(), settings.key()).resolve(party.name()), clock));
            } else if (settings.sink().equals("log")) {
                sinks.add(new InboxLogSink());
            } else {
                sinks.add(null);
            }
        }
        List<InboxDelivery> started = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            if (sinks.get(i) != null) {
                Topics.Party party = parties.get(i);
                started.add(new InboxDelivery(party, consumerProps.apply(party), reader, sinks.get(i), receipts,
                        settings.backoff(), settings.maxBackoff(), meters).start());
            }
        }
        return new InboxDeliveries(List.copyOf(started));
    }

    private static Path directory(Path dir, String key) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(key + ".inbox-dir: cannot create " + dir, e);
        }
    }

    /** The parties whose inboxes are delivered. */
    public List<Topics.Party> parties() {
        return deliveries.stream().map(InboxDelivery::party).toList();
    }

    /** Closes {@code resource} (the receipts' producer, say) once the deliveries have stopped. */
    public InboxDeliveries thenClosing(AutoCloseable resource) {
        after.add(resource);
        return this;
    }

    @Override
    public void close() {
        // All asked to stop first, so they finish their polls side by side; then each is waited for.
        deliveries.forEach(InboxDelivery::stop);
        deliveries.forEach(InboxDelivery::close);
        for (AutoCloseable resource : after) {
            try {
                resource.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(InboxDeliveries.class).warn("closing {} failed: {}", resource, e.toString());
            }
        }
    }
}

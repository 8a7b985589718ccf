package org.corridor.producer.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.kafka.Followers;
import org.corridor.support.kafka.TopicFollower;
import org.corridor.schemas.topics.Topics;

/**
 * History kept in memory for what this process published, and read back from the agency's inbound topic for the
 * rest. The next version of a correction is always taken from the log ({@link #latestFromLog}), never from that
 * memory, so two publishers of one agency (two ingest instances, REST and the library) number after each other's
 * versions; when two of them race for the same number, {@link #firstOfItsVersion} tells the loser. Otherwise: the partition that holds the alert's key is scanned (read_committed) for its highest version. A follower of
 * the topic keeps the set of alert ids on it, so an id the topic has never held (a new alert, the common case) is
 * answered without a scan once the follower has caught up; the scan, one pass over one partition, happens only for
 * alerts another process published. Thread-safe.
 */
public final class TopicAlertHistory implements AlertHistory {

    private record Key(String agencyId, UUID alertId) {
    }

    /** How long reading the log up to its end may take before a correction is refused (retriable). */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final Cache<Key, TraffickingAlert> recent = Caffeine.newBuilder().maximumSize(100_000).build();
    private final PartitionScan scans;
    private final Map<String, KeyIndex> indexes = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The ids on one inbound topic, with the versions and offsets of their records (read_committed, in log order),
     * complete once the follower caught up with the topic as it was when it started.
     */
    private static final class KeyIndex {
        final Map<String, List<PartitionScan.Placed>> keys = new java.util.concurrent.ConcurrentHashMap<>();
        volatile TopicFollower follower;
        volatile boolean ready;
    }

    /**
     * @param consumers    opens a read_committed consumer without a group; closed after each scan
     * @param deserializer reads the values; records it cannot read are skipped (they were never valid alerts)
     */
    public TopicAlertHistory(Supplier<Consumer<String, byte[]>> consumers, Deserializer<TraffickingAlert> deserializer) {
        this(consumers, deserializer, null);
    }

    /**
     * @param consumerProps settings for the topic followers that index the ids (null: no index, always scan)
     */
    public TopicAlertHistory(Supplier<Consumer<String, byte[]>> consumers, Deserializer<TraffickingAlert> deserializer,
                             Map<String, Object> consumerProps) {
        this(consumers, deserializer, consumerProps, new Followers());
    }

    /**
     * @param consumerProps settings for the topic followers that index the ids (null: no index, always scan)
     * @param followers     where those followers are added as they start (one per inbound topic, on first use)
     */
    public TopicAlertHistory(Supplier<Consumer<String, byte[]>> consumers, Deserializer<TraffickingAlert> deserializer,
                             Map<String, Object> consumerProps, Followers followers) {
        this.followers = followers;
        this.scans = new PartitionScan(consumers, deserializer);
        this.consumerProps = consumerProps == null ? null : java.util.Collections.unmodifiableMap(new HashMap<>(consumerProps));
    }

    private final Map<String, Object> consumerProps;
    private final Followers followers;

    private KeyIndex index(String topic) {
        if (consumerProps == null) {
            return null;
        }
        return indexes.computeIfAbsent(topic, t -> {
            KeyIndex index = new KeyIndex();
            index.follower = followers.add(new TopicFollower("alert-ids-" + t, consumerProps, List.of(t), r -> {
                if (r.key() != null) {
                    // A record that is not an alert still takes the id (as before); it has no version.
                    int version = scans.versionOf(t, r.value());
                    index.keys.compute(r.key(), (k, placed) -> {
                        List<PartitionScan.Placed> all = placed == null ? new java.util.ArrayList<>(1) : new java.util.ArrayList<>(placed);
                        all.add(new PartitionScan.Placed(version, r.offset()));
                        return List.copyOf(all);
                    });
                }
            }));
            index.follower.caughtUp().thenRun(() -> index.ready = true);
            return index;
        });
    }

    @Override
    public void close() {
        indexes.values().forEach(i -> i.follower.close());
        indexes.clear();
    }

    @Override
    public Optional<TraffickingAlert> latest(String agencyId, UUID alertId) {
        Key key = new Key(agencyId, alertId);
        TraffickingAlert known = recent.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        KeyIndex index = index(Topics.inbound(agencyId));
        if (index != null && index.ready && !index.keys.containsKey(alertId.toString())) {
            return Optional.empty();
        }
        Optional<TraffickingAlert> scanned = scans.latest(Topics.inbound(agencyId), alertId.toString());
        scanned.ifPresent(this::published);
        return scanned;
    }

    /**
     * The latest version as the log holds it when this call is made, never what this process remembers: the id index
     * first reads everything committed to the topic so far (without an index, the key's partition is scanned).
     */
    @Override
    public Optional<TraffickingAlert> latestFromLog(String agencyId, UUID alertId) {
        String topic = Topics.inbound(agencyId);
        KeyIndex index = index(topic);
        if (index == null) {
            Optional<TraffickingAlert> scanned = scans.latest(topic, alertId.toString());
            scanned.ifPresent(this::published);
            return scanned;
        }
        index.follower.awaitCaughtUp(CATCH_UP);
        List<PartitionScan.Placed> placed = index.keys.get(alertId.toString());
        if (placed == null) {
            return Optional.empty();
        }
        if (placed.stream().anyMatch(p -> p.version() == 0)) {
            // A record the index could not read: only a full pass can tell which version is the latest.
            Optional<TraffickingAlert> scanned = scans.latest(topic, alertId.toString());
            scanned.ifPresent(this::published);
            return scanned;
        }
        PartitionScan.Placed highest = placed.stream().max(java.util.Comparator.comparingInt(PartitionScan.Placed::version)
                .thenComparingLong(p -> -p.offset())).orElseThrow();
        TraffickingAlert known = recent.getIfPresent(new Key(agencyId, alertId));
        if (known != null && known.getVersion() == highest.version()) {
            return Optional.of(known);
        }
        Optional<TraffickingAlert> scanned = scans.at(topic, alertId.toString(), highest.offset());
        scanned.ifPresent(this::published);
        return scanned;
    }

    /**
     * Whether the record at that offset is the one the router routes: no record of the alert before it in the log has
     * its version or a higher one (the router dead-letters such a record as STALE_VERSION).
     */
    @Override
    public boolean firstOfItsVersion(TraffickingAlert alert, long offset) {
        String topic = Topics.inbound(alert.getOriginAgency().getAgencyId());
        String key = alert.getAlertId().toString();
        List<PartitionScan.Placed> placed;
        KeyIndex index = index(topic);
        if (index == null) {
            placed = scans.placements(topic, key);
        } else {
            index.follower.awaitCaughtUp(CATCH_UP);
            placed = index.keys.getOrDefault(key, List.of());
        }
        return placed.stream().noneMatch(p -> p.offset() < offset && p.version() >= alert.getVersion());
    }

    @Override
    public void published(TraffickingAlert alert) {
        recent.asMap().merge(new Key(alert.getOriginAgency().getAgencyId(), alert.getAlertId()), alert,
                (old, neu) -> neu.getVersion() >= old.getVersion() ? neu : old);
    }
}

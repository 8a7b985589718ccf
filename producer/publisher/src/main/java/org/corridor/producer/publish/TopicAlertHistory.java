package org.corridor.producer.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.support.kafka.Followers;
import org.corridor.schemas.topics.Topics;

/**
 * History kept in memory for what this process published, and read back from the agency's inbound topic for the
 * rest. The next version of a correction is always taken from the log ({@link #latestFromLog}), never from that
 * memory, so two publishers of one agency (two ingest instances, REST and the library) number after each other's
 * versions; when two of them race for the same number, {@link #firstOfItsVersion} tells the loser.
 * <p>
 * An index of each inbound topic used (every alert id on it, with the version and offset of each of its records)
 * answers which version is the latest and where it is, so an id the topic has never held (a new alert, the common
 * case) is answered without reading the topic once the index has caught up, and a known one by reading one record.
 * The index ({@link IdIndex}) lives on local disk, in a store per topic ({@code <stateDir>/<topic>}, or a temporary one
 * deleted at {@link #close()} when there is no state directory), filled by a follower that resumes from the store's
 * checkpoint: a restart reads only the records written since. A store that is missing, in another format
 * or built from a topic since recreated is rebuilt from the start of the topic, the source of truth. Without an index
 * (no consumer settings), the partition that holds the alert's key is scanned (read_committed) for each question.
 * <p>
 * Memory: up to {@value #RECENT} recent alerts this process published or read are kept whole, which saves reading
 * the record back for the correction or retraction that usually follows soon; everything else is on disk. Measured
 * (live heap after a GC, 20,000 alerts decoded from Avro): 2.1 KiB per alert for the sample seizure (455 bytes of
 * Avro), 1.5 KiB for the generated mix (256 bytes), so ~22 MiB at most per publisher; the former bound of 100,000 held
 * ~210 MiB, per publisher (ingest runs one per agency with its own Kafka principal). Thread-safe.
 */
public final class TopicAlertHistory implements AlertHistory {

    private record Key(String agencyId, UUID alertId) {
    }

    /** How long reading the log up to its end may take before a correction is refused (retriable). */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    /** The alerts kept whole in the heap. */
    static final int RECENT = 10_000;

    private final Cache<Key, TraffickingAlert> recent = Caffeine.newBuilder().maximumSize(RECENT).build();
    private final PartitionScan scans;
    private final Map<String, IdIndex> indexes = new ConcurrentHashMap<>();
    private final Map<String, Object> consumerProps;
    private final Followers followers;
    private final Path stateDir;

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
        this(consumers, deserializer, consumerProps, followers, null);
    }

    /**
     * @param consumerProps settings for the topic followers that index the ids (null: no index, always scan)
     * @param followers     where those followers are added as they start (one per inbound topic, on first use)
     * @param stateDir      where the index of each topic is kept, in a sub-directory named after the topic, used by one
     *                      process at a time; null: temporary directories, so each start reads the topics again
     */
    public TopicAlertHistory(Supplier<Consumer<String, byte[]>> consumers, Deserializer<TraffickingAlert> deserializer,
                             Map<String, Object> consumerProps, Followers followers, Path stateDir) {
        this.followers = followers;
        this.scans = new PartitionScan(consumers, deserializer);
        this.consumerProps = consumerProps == null ? null : Collections.unmodifiableMap(new HashMap<>(consumerProps));
        this.stateDir = stateDir;
    }

    private IdIndex index(String topic) {
        if (consumerProps == null) {
            return null;
        }
        return indexes.computeIfAbsent(topic, t -> new IdIndex(t, stateDir == null ? null : stateDir.resolve(t),
                consumerProps, scans, followers));
    }

    @Override
    public void close() {
        indexes.values().forEach(IdIndex::close);
        indexes.clear();
    }

    @Override
    public Optional<TraffickingAlert> latest(String agencyId, UUID alertId) {
        TraffickingAlert known = recent.getIfPresent(new Key(agencyId, alertId));
        if (known != null) {
            return Optional.of(known);
        }
        String topic = Topics.inbound(agencyId);
        IdIndex index = index(topic);
        if (index == null || !index.ready()) {
            return scanned(scans.latest(topic, alertId.toString()));
        }
        return fromIndex(index, agencyId, alertId);
    }

    /**
     * The latest version as the log holds it when this call is made, never what this process remembers: the id index
     * first reads everything committed to the topic so far (without an index, the key's partition is scanned).
     */
    @Override
    public Optional<TraffickingAlert> latestFromLog(String agencyId, UUID alertId) {
        String topic = Topics.inbound(agencyId);
        IdIndex index = index(topic);
        if (index == null) {
            return scanned(scans.latest(topic, alertId.toString()));
        }
        index.follower().awaitCaughtUp(CATCH_UP);
        return fromIndex(index, agencyId, alertId);
    }

    /** The latest version of the alert as far as the index has read: the record it places highest, read alone. */
    private Optional<TraffickingAlert> fromIndex(IdIndex index, String agencyId, UUID alertId) {
        String topic = Topics.inbound(agencyId);
        List<PartitionScan.Placed> placed = index.placements(alertId.toString());
        if (placed == null) {
            return Optional.empty();
        }
        if (placed.stream().anyMatch(p -> p.version() == 0)) {
            // A record the index could not read: only a full pass can tell which version is the latest.
            return scanned(scans.latest(topic, alertId.toString()));
        }
        PartitionScan.Placed highest = placed.stream().max(Comparator.comparingInt(PartitionScan.Placed::version)
                .thenComparingLong(p -> -p.offset())).orElseThrow();
        TraffickingAlert known = recent.getIfPresent(new Key(agencyId, alertId));
        if (known != null && known.getVersion() == highest.version()) {
            return Optional.of(known);
        }
        return scanned(scans.at(topic, alertId.toString(), highest.offset()));
    }

    private Optional<TraffickingAlert> scanned(Optional<TraffickingAlert> read) {
        read.ifPresent(this::published);
        return read;
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
        IdIndex index = index(topic);
        if (index == null) {
            placed = scans.placements(topic, key);
        } else {
            index.follower().awaitCaughtUp(CATCH_UP);
            List<PartitionScan.Placed> indexed = index.placements(key);
            placed = indexed == null ? List.of() : indexed;
        }
        return placed.stream().noneMatch(p -> p.offset() < offset && p.version() >= alert.getVersion());
    }

    @Override
    public void published(TraffickingAlert alert) {
        recent.asMap().merge(new Key(alert.getOriginAgency().getAgencyId(), alert.getAlertId()), alert,
                (old, neu) -> neu.getVersion() >= old.getVersion() ? neu : old);
    }
}

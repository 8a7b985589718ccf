package org.corridor.registry.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The reader of the registry's log, reported like the services' topic views: {@code /actuator/health} component
 * {@code schemaLog} (DOWN with the reason once the reader stopped; details skipped and position) and the meters
 * {@code corridor_follower_skipped_records_total} and {@code corridor_follower_up} with {@code name=schema-log-reader}.
 */
final class SchemaLogHealth implements HealthIndicator, MeterBinder {

    static final String NAME = "schema-log-reader";
    // The names support's FollowerMeters gives the services' views; the registry does not depend on support.
    static final String SKIPPED = "corridor.follower.skipped.records";
    static final String UP = "corridor.follower.up";
    static final String TAG = "name";

    private final KafkaSchemaLog log;

    SchemaLogHealth(KafkaSchemaLog log) {
        this.log = log;
    }

    @Override
    public Health health() {
        String failure = log.readerFailure();
        Health.Builder health = failure == null ? Health.up() : Health.down().withDetail("reason", failure);
        return health.withDetail("skipped", log.skipped()).withDetail("position", log.position()).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(SKIPPED, log, KafkaSchemaLog::skipped).tag(TAG, NAME)
                .description("Records of the registry log the state could not take and skipped").register(registry);
        Gauge.builder(UP, log, l -> l.readerFailure() == null ? 1 : 0).tag(TAG, NAME)
                .strongReference(true).description("1 while the registry log reader reads, 0 once it stopped")
                .register(registry);
    }
}

package org.corridor.support.kafka;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The meters of a service's {@link Followers}, tagged {@code name=<follower name>} (a fixed set per service):
 * {@value #SKIPPED} (Prometheus {@code corridor_follower_skipped_records_total}), {@value #RESTARTS}
 * ({@code corridor_follower_restarts_total}), {@value #UP} ({@code corridor_follower_up}: 1 when the view is UP,
 * else 0) and {@value #LAG} ({@code corridor_follower_lag_records}: records not read yet, -1 before the first poll). Followers added after binding get their meters when they are added.
 */
public final class FollowerMeters implements MeterBinder {

    public static final String SKIPPED = "corridor.follower.skipped.records";
    public static final String RESTARTS = "corridor.follower.restarts";
    public static final String UP = "corridor.follower.up";
    public static final String LAG = "corridor.follower.lag.records";
    public static final String TAG = "name";

    private final Followers followers;

    public FollowerMeters(Followers followers) {
        this.followers = followers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        followers.forEach(f -> {
            FunctionCounter.builder(SKIPPED, f, TopicFollower::skipped).tag(TAG, f.name())
                    .description("Records a topic view skipped because it could not take them").register(registry);
            FunctionCounter.builder(RESTARTS, f, x -> x.status().restarts()).tag(TAG, f.name())
                    .description("Times a topic view's consumer stopped on an error and was restarted").register(registry);
            Gauge.builder(UP, f, x -> x.status().up() ? 1 : 0).tag(TAG, f.name()).strongReference(true)
                    .description("1 when the topic view has caught up and follows its topics, 0 when starting, down or closed")
                    .register(registry);
            Gauge.builder(LAG, f, TopicFollower::lag).tag(TAG, f.name()).strongReference(true)
                    .description("Records of the topic view's topics not read yet, as of its last poll (-1 before the first)")
                    .register(registry);
        });
    }
}

package org.corridor.monitor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import org.corridor.consumer.delivery.metrics.SubscriberMetrics;
import org.corridor.consumer.metrics.RouterMetrics;
import org.junit.jupiter.api.Test;

/**
 * The monitor scrapes the router's and the subscribers' latency timers by their Prometheus names; those names are
 * derived here from the constants the services' metrics classes export, so renaming a meter there fails this build
 * instead of blinding the monitor. (The monitor does not depend on the services at run time.)
 */
class ServiceMeterNamesTest {

    private static final PrometheusNamingConvention PROMETHEUS = new PrometheusNamingConvention();

    @Test
    void routingLatencyIsTheRoutersTimer() {
        assertThat(Latency.ROUTER_METRIC).isEqualTo(PROMETHEUS.name(RouterMetrics.LATENCY, Meter.Type.TIMER, "seconds"));
    }

    @Test
    void deliveryLatencyIsTheSubscribersTimer() {
        assertThat(Latency.DELIVERY_METRIC)
                .isEqualTo(PROMETHEUS.name(SubscriberMetrics.DELIVERY_LATENCY, Meter.Type.TIMER, "seconds"));
    }
}

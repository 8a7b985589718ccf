package org.corridor.consumer.delivery.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The names the monitor, ops/prometheus/alerts.yml and the Grafana dashboards scrape. */
class SubscriberMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SubscriberMetrics metrics = new SubscriberMetrics(registry);

    @Test
    void deliveryLatencyIsASummaryByBodyWithTheThreeQuantiles() {
        metrics.delivered("UNODC", Duration.ofMillis(40));
        metrics.delivered("UNODC", Duration.ofMillis(60));
        String scrape = registry.scrape();
        assertThat(scrape).contains("corridor_subscriber_delivery_latency_seconds_count{body=\"UNODC\"} 2")
                .contains("corridor_subscriber_delivery_latency_seconds{body=\"UNODC\",quantile=\"0.5\"}")
                .contains("corridor_subscriber_delivery_latency_seconds{body=\"UNODC\",quantile=\"0.99\"}")
                .contains("corridor_subscriber_delivery_latency_seconds{body=\"UNODC\",quantile=\"0.999\"}")
                .doesNotContain("corridor_subscriber_delivery_latency_seconds_bucket");
        assertThat(registry.get(SubscriberMetrics.DELIVERY_LATENCY).tag(SubscriberMetrics.BODY, "UNODC").timer().getId()
                .getDescription()).isEqualTo("Publication to the sink's confirmation");
    }

    @Test
    void escalationsCountByBodyAndPriority() {
        metrics.escalated("UNODC", "URGENT");
        metrics.escalated("UNODC", "URGENT");
        metrics.escalated("EUROPOL", "ROUTINE");
        assertThat(registry.scrape()).contains("corridor_subscriber_escalations_total{body=\"UNODC\",priority=\"URGENT\"} 2.0")
                .contains("corridor_subscriber_escalations_total{body=\"EUROPOL\",priority=\"ROUTINE\"} 1.0");
    }
}

package org.corridor.monitor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Latency quantiles out of the two shapes Micrometer's Prometheus registry writes: summary quantiles and buckets. */
class LatencyTest {

    private static final String PAGE = """
            # HELP corridor_router_latency_seconds Publication to the commit of the routing transaction
            # TYPE corridor_router_latency_seconds histogram
            corridor_router_latency_seconds_bucket{le="0.001"} 0
            corridor_router_latency_seconds_bucket{le="0.01"} 50
            corridor_router_latency_seconds_bucket{le="0.1"} 99
            corridor_router_latency_seconds_bucket{le="1.0"} 100
            corridor_router_latency_seconds_bucket{le="+Inf"} 100
            corridor_router_latency_seconds_count 100
            corridor_router_latency_seconds_sum 1.5
            # TYPE corridor_subscriber_delivery_latency_seconds summary
            corridor_subscriber_delivery_latency_seconds{body="EUROPOL",quantile="0.5"} 0.02
            corridor_subscriber_delivery_latency_seconds{body="EUROPOL",quantile="0.99"} 0.09
            corridor_subscriber_delivery_latency_seconds{body="EUROPOL",quantile="0.999"} 0.2
            corridor_subscriber_delivery_latency_seconds_count{body="EUROPOL"} 40
            corridor_subscriber_delivery_latency_seconds{body="UNODC",quantile="0.5"} 0.03
            corridor_subscriber_delivery_latency_seconds{body="UNODC",quantile="0.99"} 0.05
            corridor_subscriber_delivery_latency_seconds{body="UNODC",quantile="0.999"} 0.3
            corridor_subscriber_delivery_latency_seconds_count{body="UNODC"} 10
            kafka_something{client_id="a \\"quoted\\" id"} 7 1700000000000
            not a metric line
            """;

    @Test
    void readsQuantilesFromBucketsAndSummaries() {
        List<Latency> latencies = Latency.from(PrometheusText.parse(PAGE));
        assertThat(latencies).containsExactly(
                new Latency("routing", null, 0.01, 0.1, 1.0, 100),
                new Latency("delivery", null, 0.03, 0.09, 0.3, 50),
                new Latency("delivery", "EUROPOL", 0.02, 0.09, 0.2, 40),
                new Latency("delivery", "UNODC", 0.03, 0.05, 0.3, 10));
    }

    @Test
    void parsesLabelsWithEscapesAndSkipsWhatIsNotASample() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(PAGE);
        assertThat(samples).filteredOn(s -> s.name().equals("kafka_something")).singleElement()
                .satisfies(s -> {
                    assertThat(s.labels()).containsEntry("client_id", "a \"quoted\" id");
                    assertThat(s.value()).isEqualTo(7.0);
                });
        assertThat(samples).noneMatch(s -> s.name().equals("not"));
    }

    @Test
    void nothingMeasuredGivesNoLatency() {
        assertThat(Latency.from(List.of())).isEmpty();
    }
}

package org.corridor.monitor.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * End-to-end latency as the services measure it: quantiles in seconds per stage ({@code routing}: publication to the
 * routing commit; {@code delivery}: publication to the sink's confirmation) and, for delivery, per body.
 *
 * @param body  the body, for delivery latency per body; null for the routing stage
 * @param p50   median in seconds, or null when nothing was measured
 * @param count measurements so far
 */
public record Latency(String stage, String body, Double p50, Double p99, Double p999, double count) {

    /** Routing latency from the router's metric {@code corridor.router.latency}. */
    static final String ROUTER_METRIC = "corridor_router_latency_seconds";
    /** Delivery latency from the subscribers' metric {@code corridor.subscriber.delivery.latency}. */
    static final String DELIVERY_METRIC = "corridor_subscriber_delivery_latency_seconds";

    /** Picks the latency quantiles out of scraped samples, from summaries' quantile lines or histogram buckets. */
    static List<Latency> from(List<PrometheusText.Sample> samples) {
        List<Latency> out = new ArrayList<>();
        out.addAll(of("routing", ROUTER_METRIC, samples));
        List<Latency> delivery = of("delivery", DELIVERY_METRIC, samples);
        if (!delivery.isEmpty()) {
            // All bodies together: the slowest body's quantile (an upper bound), the sum of the counts.
            out.add(new Latency("delivery", null, max(delivery, Latency::p50), max(delivery, Latency::p99),
                    max(delivery, Latency::p999), delivery.stream().mapToDouble(Latency::count).sum()));
        }
        out.addAll(delivery);
        return out;
    }

    private static List<Latency> of(String stage, String metric, List<PrometheusText.Sample> samples) {
        Map<String, double[]> quantiles = new TreeMap<>();
        Map<String, Double> counts = new TreeMap<>();
        Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();
        for (PrometheusText.Sample s : samples) {
            String body = s.labels().getOrDefault("body", "");
            if (s.name().equals(metric) && s.labels().containsKey("quantile")) {
                double[] q = quantiles.computeIfAbsent(body, b -> new double[] {Double.NaN, Double.NaN, Double.NaN});
                switch (s.labels().get("quantile")) {
                    case "0.5" -> q[0] = s.value();
                    case "0.99" -> q[1] = s.value();
                    case "0.999" -> q[2] = s.value();
                    default -> { }
                }
            } else if (s.name().equals(metric + "_count")) {
                counts.merge(body, s.value(), Double::sum);
            } else if (s.name().equals(metric + "_bucket") && s.labels().containsKey("le")) {
                double le = s.labels().get("le").equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s.labels().get("le"));
                buckets.computeIfAbsent(body, b -> new TreeMap<>()).merge(le, s.value(), Double::sum);
            }
        }
        List<Latency> out = new ArrayList<>();
        for (String body : counts.keySet()) {
            double[] q = quantiles.get(body);
            if (q == null || Double.isNaN(q[0])) {
                TreeMap<Double, Double> b = buckets.getOrDefault(body, new TreeMap<>());
                q = new double[] {fromBuckets(b, 0.5), fromBuckets(b, 0.99), fromBuckets(b, 0.999)};
            }
            out.add(new Latency(stage, body.isEmpty() ? null : body, orNull(q[0]), orNull(q[1]), orNull(q[2]), counts.get(body)));
        }
        out.sort(Comparator.comparing(l -> l.body() == null ? "" : l.body()));
        return out;
    }

    private static Double max(List<Latency> list, java.util.function.Function<Latency, Double> f) {
        return list.stream().map(f).filter(java.util.Objects::nonNull).max(Double::compare).orElse(null);
    }

    private static Double orNull(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }

    /** The upper bound of the cumulative bucket holding the quantile, like Prometheus' histogram_quantile without interpolation. */
    private static double fromBuckets(TreeMap<Double, Double> cumulative, double quantile) {
        if (cumulative.isEmpty()) {
            return Double.NaN;
        }
        double total = cumulative.lastEntry().getValue();
        if (total == 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            if (e.getValue() >= quantile * total) {
                return e.getKey();
            }
        }
        return Double.NaN;
    }
}

package org.corridor.bench.lag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's lag sampled over a run, and what it says: its peak, its last value, and whether it stayed bounded (the
 * second half's peak no higher than the first half's plus {@code slack}: a group that falls behind grows its lag all
 * the way, one that keeps up only wobbles). Pure.
 */
final class LagSeries {

    /**
     * One sample: seconds since the start, the group's total lag, records it had committed in all, and its lag on each
     * topic (a Kafka Streams application's repartition topics are its stages).
     */
    record Sample(double at, long lag, long committed, Map<String, Long> topics) {

        Sample {
            topics = Map.copyOf(topics);
        }

        Sample(double at, long lag, long committed) {
            this(at, lag, committed, Map.of());
        }
    }

    private final List<Sample> samples = new ArrayList<>();

    void add(Sample s) {
        samples.add(s);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    long peak() {
        return samples.stream().mapToLong(Sample::lag).max().orElse(0);
    }

    /** Each topic's highest lag over the run, by topic name. */
    Map<String, Long> peakByTopic() {
        Map<String, Long> peaks = new TreeMap<>();
        samples.forEach(s -> s.topics().forEach((topic, lag) -> peaks.merge(topic, lag, Math::max)));
        return peaks;
    }

    long last() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).lag();
    }

    /** Records committed per second over the run (the group's throughput). */
    double committedPerSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample a = samples.get(0);
        Sample b = samples.get(samples.size() - 1);
        return b.at() == a.at() ? 0 : (b.committed() - a.committed()) / (b.at() - a.at());
    }

    boolean bounded(long slack) {
        if (samples.size() < 4) {
            return false;
        }
        int half = samples.size() / 2;
        long first = samples.subList(0, half).stream().mapToLong(Sample::lag).max().orElse(0);
        long second = samples.subList(half, samples.size()).stream().mapToLong(Sample::lag).max().orElse(0);
        return second <= first + slack;
    }
}

package org.corridor.bench.lag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.corridor.bench.load.PlatformFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Samples a consumer group's lag (end offsets minus its committed offsets, over every partition it commits) every
 * {@code --interval} for {@code --seconds}, as the admin of a running platform: run beside a load, it tells whether the
 * group keeps up. For a Kafka Streams application the group's partitions include its repartition topics, so the lag is
 * every stage's.
 */
@Command(name = "lag", mixinStandardHelpOptions = true, description = "Sample a consumer group's lag while a load runs.")
public final class LagCommand implements Callable<Integer> {

    @Option(names = "--group", defaultValue = "corridor-correlator", description = "the group (${DEFAULT-VALUE})")
    String group;

    @Option(names = "--data-dir", defaultValue = "./data", description = "the platform's data directory (admin client settings)")
    Path dataDir;

    @Option(names = "--seconds", defaultValue = "60", description = "how long to sample (${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--interval", defaultValue = "1", description = "seconds between samples (${DEFAULT-VALUE})")
    int interval;

    @Option(names = "--slack", defaultValue = "2000",
            description = "how far the second half's peak may exceed the first half's and still count as bounded (${DEFAULT-VALUE})")
    long slack;

    @Option(names = "--out", description = "write the samples and the verdict as JSON to this file")
    Path out;

    @Override
    public Integer call() throws Exception {
        LagSeries series = new LagSeries();
        Map<String, Object> client = new HashMap<>(PlatformFiles.load(dataDir).client().kafka());
        long start = System.nanoTime();
        try (Admin admin = Admin.create(client)) {
            for (int i = 0; i * interval <= seconds; i++) {
                long next = start + Duration.ofSeconds((long) i * interval).toNanos();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                committed.values().removeIf(java.util.Objects::isNull);
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = committed.isEmpty() ? Map.of()
                        : admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                        .all().get();
                long lag = 0;
                long done = 0;
                Map<String, Long> topics = new TreeMap<>();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    long end = ends.get(e.getKey()).offset();
                    long behind = Math.max(0, end - e.getValue().offset());
                    lag += behind;
                    done += e.getValue().offset();
                    topics.merge(e.getKey().topic(), behind, Long::sum);
                }
                double at = (System.nanoTime() - start) / 1e9;
                series.add(new LagSeries.Sample(at, lag, done, topics));
                System.out.printf(Locale.ROOT, "lag: %5.1f s  %s  lag %,d  committed %,d  (%s)%n", at, group, lag, done,
                        topics.entrySet().stream().filter(t -> t.getValue() > 0)
                                .map(t -> stage(t.getKey()) + " " + String.format(Locale.ROOT, "%,d", t.getValue()))
                                .collect(Collectors.joining(", ")));
            }
        }
        boolean bounded = series.bounded(slack);
        String verdict = String.format(Locale.ROOT, "lag: %s over %d s: peak %,d, last %,d, %.0f records committed/s; %s",
                group, seconds, series.peak(), series.last(), series.committedPerSecond(),
                bounded ? "bounded (kept up)" : "NOT bounded (fell behind)");
        System.out.println(verdict);
        if (out != null) {
            StringBuilder json = new StringBuilder();
            json.append(String.format(Locale.ROOT, "{\"group\":\"%s\",\"seconds\":%d,\"peak\":%d,\"last\":%d,\"committedPerSecond\":%.1f,"
                    + "\"bounded\":%b,\"peakByTopic\":%s,\"samples\":[", group, seconds, series.peak(), series.last(),
                    series.committedPerSecond(), bounded, json(series.peakByTopic())));
            String sep = "";
            for (LagSeries.Sample s : series.samples()) {
                json.append(sep).append(String.format(Locale.ROOT, "{\"at\":%.1f,\"lag\":%d,\"committed\":%d,\"topics\":%s}",
                        s.at(), s.lag(), s.committed(), json(s.topics())));
                sep = ",";
            }
            Files.writeString(out, json.append("]}\n").toString());
        }
        return bounded ? 0 : 1;
    }

    /** A topic's short name in the printed line: a Kafka Streams repartition topic by its stage's name. */
    private String stage(String topic) {
        String prefix = group + "-";
        String suffix = "-repartition";
        return topic.startsWith(prefix) && topic.endsWith(suffix)
                ? topic.substring(prefix.length(), topic.length() - suffix.length()) : topic;
    }

    /** Topic names are Kafka's ([a-zA-Z0-9._-]), so they need no escaping. */
    private static String json(Map<String, Long> byTopic) {
        return new TreeMap<>(byTopic).entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}

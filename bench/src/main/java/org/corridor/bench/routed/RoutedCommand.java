package org.corridor.bench.routed;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.corridor.bench.load.PlatformFiles;
import org.corridor.schemas.avro.RoutedVersion;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.serde.Serdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code routed}: writes what the router would write to {@code alerts.routed} for the load generator's alerts (the
 * same seeds as {@code bench load}), at a set rate, as the platform's admin, in transactions of a tenth of a second's
 * records (acks=all, idempotent), so the correlator reads them as it reads the router's, and the router and the
 * subscribers have nothing to do. Beside {@code bench lag} it says whether the correlator keeps up with that rate when
 * the machine is not shared with the rest of the exchange, as on a host of its own (the broker still shares it).
 * Every record is encoded before the clock starts.
 */
@Command(name = "routed", mixinStandardHelpOptions = true,
        description = "Write routed versions (the correlator's input) at a set rate, without the router.")
public final class RoutedCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "./data", description = "the platform's data directory (admin client settings)")
    Path dataDir;

    @Option(names = "--alerts", defaultValue = "60000", description = "routed versions to write (${DEFAULT-VALUE})")
    int alerts;

    @Option(names = "--warmup", defaultValue = "0",
            description = "versions written first at the same rate, from other seeds, as bench load's warm-up (${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--rate", defaultValue = "1000", description = "versions per second; 0: as fast as the broker takes them (${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--out", description = "write the result as JSON to this file")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (alerts < 1 || warmup < 0 || rate < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--alerts must be at least 1, --warmup and --rate at least 0");
        }
        PrintWriter console = spec.commandLine().getOut();
        PlatformFiles files = PlatformFiles.load(dataDir);
        List<String> agencies = files.agencies();
        AvroSerializer<RoutedVersion> writer = Serdes.writer(
                new CachingSchemaRegistryClient(RegistryClientConfig.from(files.client().serde())), RoutedVersion.class);
        RoutedVersions versions = new RoutedVersions();
        // The warm-up's versions first (bench load's warm-up seeds), then the measured ones.
        List<RoutedVersion> all = new ArrayList<>(versions.of(warmup, agencies, 1_000_000));
        all.addAll(versions.of(alerts, agencies, 0));
        List<ProducerRecord<String, byte[]>> records = all.stream().map(v -> new ProducerRecord<>(Topics.ROUTED_VERSIONS,
                RoutedVersions.key(v), writer.serialize(Topics.ROUTED_VERSIONS, v))).toList();
        console.printf(Locale.ROOT, "routed: %,d routed versions (%,d to warm up) of %d agencies' alerts to %s, %s%n",
                records.size(), warmup, agencies.size(), Topics.ROUTED_VERSIONS, rate == 0 ? "flat out" : rate + "/s");
        console.flush();
        Map<String, Object> kafka = new HashMap<>(files.client().kafka());
        kafka.put(ProducerConfig.ACKS_CONFIG, "all");
        kafka.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        kafka.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-routed-" + UUID.randomUUID());
        kafka.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A tenth of a second's records per transaction; flat out, 500.
        int perTransaction = rate == 0 ? 500 : Math.max(1, rate / 10);
        long tick = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * perTransaction / rate;
        long start;
        long measuredFrom = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            start = System.nanoTime();
            long lastReport = start;
            for (int from = 0, batch = 0; from < records.size(); from += perTransaction, batch++) {
                if (from >= warmup && measuredFrom == 0) {
                    measuredFrom = System.nanoTime();
                }
                long due = start + batch * tick;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.beginTransaction();
                for (ProducerRecord<String, byte[]> r : records.subList(from, Math.min(records.size(), from + perTransaction))) {
                    producer.send(r);
                }
                producer.commitTransaction();
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                    lastReport = System.nanoTime();
                    console.printf(Locale.ROOT, "routed: %,d of %,d written, %.0f s%n", Math.min(records.size(), from + perTransaction),
                            records.size(), (lastReport - start) / 1e9);
                    console.flush();
                }
            }
        }
        long end = System.nanoTime();
        double seconds = (end - (measuredFrom == 0 ? start : measuredFrom)) / 1e9;
        double perSecond = alerts / seconds;
        console.printf(Locale.ROOT, "routed: %,d versions after the warm-up in %.1f s: %.1f versions/s (%s)%n", alerts, seconds,
                perSecond, rate == 0 ? "flat out" : "offered " + rate + "/s");
        if (out != null) {
            Files.writeString(out, String.format(Locale.ROOT, "{\"alerts\":%d,\"warmup\":%d,\"rate\":%d,\"seconds\":%.2f,\"perSecond\":%.1f}%n",
                    alerts, warmup, rate, seconds, perSecond));
        }
        console.flush();
        return 0;
    }
}

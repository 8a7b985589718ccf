package org.corridor.bench.raw;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.tools.ProducerPerformance;
import org.corridor.support.security.ClientConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code raw}: Kafka's own {@code ProducerPerformance} (kafka-tools) against the same broker, with records of the
 * alerts' size and acks=all: what the broker takes from one producer flat out, the baseline of the ratios.
 */
@Command(name = "raw", mixinStandardHelpOptions = true, description = "Kafka's ProducerPerformance on the same broker: the raw limit.")
public final class RawCommand implements Callable<Integer> {

    /** What ProducerPerformance reported. */
    public record RawResult(long records, int recordBytes, double recordsPerSecond, double mbPerSecond,
                            double avgLatencyMs, double maxLatencyMs, double p50Ms, double p99Ms, double p999Ms) {
    }

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "./data", description = "the platform's data directory (client.properties)")
    Path dataDir;

    @Option(names = "--records", defaultValue = "300000", description = "records to send (${DEFAULT-VALUE})")
    long records;

    @Option(names = "--record-size", required = true, description = "bytes per record: the alerts' average size")
    int recordSize;

    @Option(names = "--topic", defaultValue = "bench.raw", description = "topic, created with 3 partitions (${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--out", description = "write the result as JSON to this file")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        ClientConfigFile client = ClientConfigFile.load(dataDir.resolve("client.properties"));
        try (Admin admin = Admin.create(client.kafka())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Path config = Files.createTempFile("producer", ".properties");
        Properties p = new Properties();
        client.kafka().forEach((k, v) -> p.setProperty(k, v.toString()));
        p.setProperty("acks", "all");
        p.setProperty("enable.idempotence", "true");
        try (Writer w = Files.newBufferedWriter(config)) {
            p.store(w, "bench raw producer");
        }
        String text;
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ProducerPerformance.main(new String[] {"--topic", topic, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer.config", config.toString()});
        } finally {
            System.setOut(original);
            Files.deleteIfExists(config);
            text = captured.toString(StandardCharsets.UTF_8);
        }
        Matcher m = SUMMARY.matcher(text);
        if (!m.find()) {
            spec.commandLine().getErr().println("raw: no summary in ProducerPerformance's output:\n" + text);
            return 1;
        }
        RawResult r = new RawResult(Long.parseLong(m.group(1)), recordSize, Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                Double.parseDouble(m.group(6)), Double.parseDouble(m.group(8)), Double.parseDouble(m.group(9)));
        console.printf("raw: %d records of %d bytes, acks=all: %.0f records/s (%.2f MB/s), p50 %.0f ms, p99 %.0f ms%n",
                r.records(), recordSize, r.recordsPerSecond(), r.mbPerSecond(), r.p50Ms(), r.p99Ms());
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), r);
        }
        console.flush();
        return 0;
    }

}

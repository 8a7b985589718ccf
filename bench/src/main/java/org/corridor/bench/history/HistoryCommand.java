package org.corridor.bench.history;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.corridor.bench.load.PlatformFiles;
import org.corridor.consumer.audit.AuditLogTail;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.registry.SchemaRegistryClient;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.security.Principals;
import org.corridor.support.serde.AvroSerializer;
import org.corridor.support.serde.Serdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code history N}: writes N alerts of history onto a running platform's {@code alerts.recipients},
 * {@code alerts.audit} and {@code alerts.receipts} (see {@link HistoryWriter}), as the principals that write them,
 * continuing every audit partition's hash chain from its committed head. Nothing is routed and nothing goes on the
 * inbound topics or the feeds. Run it while nothing is being routed, and restart the platform before routing again:
 * a running router remembers the chain head of each audit partition it wrote, and its next decision there would name
 * that one instead of the history's last (the command checks that no other writer appended meanwhile).
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Writes N alerts of history (recipients, audit, receipts) straight onto a running platform's topics.")
public final class HistoryCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "alerts of history to write")
    long alerts;

    @Option(names = "--data-dir", defaultValue = "./data", description = "the platform's data directory (client.properties, credentials, agencies)")
    Path dataDir;

    @Option(names = "--receipt-bodies", defaultValue = "2",
            description = "recipients per alert that get a DELIVERED and an ACKNOWLEDGED receipt, 0 to 13 (${DEFAULT-VALUE})")
    int receiptBodies;

    @Option(names = "--templates", defaultValue = "4096", description = "distinct alerts decided by the router's triage, 1 to 1,000,000 (${DEFAULT-VALUE})")
    int templates;

    @Option(names = "--timeout", defaultValue = "120", description = "seconds to read the chain heads and to flush, at least 1 (${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--out", description = "write the result as JSON to this file")
    Path out;

    @Option(names = "--no-progress", description = "show no progress bar")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter console = spec.commandLine().getOut();
        PlatformFiles files = PlatformFiles.load(dataDir);
        Map<String, Object> admin = files.client().kafka();
        Map<String, Object> router = HistoryClients.as(Principals.ROUTER, admin, files.credentials());
        Map<String, Object> subscriber = HistoryClients.as(Principals.SUBSCRIBER, admin, files.credentials());
        List<String> agencies = files.agencies();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (Admin kafka = Admin.create(admin)) {
            AuditPartitions partitions = partitions(kafka, agencies);
            Map<Integer, String> heads = heads(kafka, router, partitions.auditPartitions(), timeout);
            SchemaRegistryClient registry = new CachingSchemaRegistryClient(RegistryClientConfig.from(files.client().serde()));
            AvroSerializer<RoutingDecision> decisions = Serdes.writer(registry, RoutingDecision.class);
            AvroSerializer<DeliveryReceipt> receipts = Serdes.writer(registry, DeliveryReceipt.class);
            AuditChainContinuation chain = new AuditChainContinuation(heads, d -> decisions.serialize(Topics.AUDIT, d));
            List<AlertTemplates.Template> pool = AlertTemplates.of(templates, agencies);
            HistoryWriter writer = new HistoryWriter(pool, partitions, chain, r -> receipts.serialize(Topics.RECEIPTS, r), receiptBodies);
            console.printf("history: %,d alerts (%d decided templates, %d agencies) onto %s, %s (%d partitions, chains continued) and %s"
                            + " (DELIVERED + ACKNOWLEDGED for up to %d recipients each)%n", alerts, pool.size(), agencies.size(),
                    Topics.RECIPIENTS, Topics.AUDIT, partitions.auditPartitions(), Topics.RECEIPTS, receiptBodies);
            console.flush();
            long start = System.nanoTime();
            try (Producer<String, byte[]> r = new KafkaProducer<>(HistoryClients.producer(router, "bench-history-router"));
                 Producer<String, byte[]> s = new KafkaProducer<>(HistoryClients.producer(subscriber, "bench-history-subscriber"));
                 ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("history").setInitialMax(alerts)
                         .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" alerts", 1).build()) {
                try {
                    writer.write(alerts, r, s, n -> {
                        if (bar != null) {
                            bar.stepTo(n);
                        }
                    });
                } finally {
                    r.flush();
                    s.flush();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (writer.failure() != null) {
                throw writer.failure();
            }
            Map<Integer, String> after = heads(kafka, router, partitions.auditPartitions(), timeout);
            List<Integer> moved = after.keySet().stream().filter(p -> !java.util.Objects.equals(after.get(p), chain.head(p))).toList();
            HistoryResult result = HistoryResult.of(alerts, pool.size(), receiptBodies, writer.counts(), partitions.auditPartitions(),
                    moved.isEmpty(), seconds);
            console.printf("history: %s in %.1f s: %,.0f records/s, %,.0f alerts/s%n", result.records(), result.seconds(),
                    result.recordsPerSecond(), result.alertsPerSecond());
            if (!moved.isEmpty()) {
                console.printf("history: another writer appended to %s partitions %s meanwhile (was the router routing?):"
                        + " their chains no longer end with the history%n", Topics.AUDIT, moved);
            }
            console.println("history: restart the platform before routing again (the router remembers the chain heads it wrote)");
            if (out != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out, result.toJson());
                console.println("history: result written to " + out);
            }
            console.flush();
            return moved.isEmpty() && writer.counts().audit() == alerts ? 0 : 1;
        }
    }

    private void validate() {
        if (alerts < 1) {
            throw new ParameterException(spec.commandLine(), "N: " + alerts + " alerts; must be at least 1");
        }
        if (receiptBodies < 0 || receiptBodies > 13) {
            throw new ParameterException(spec.commandLine(), "--receipt-bodies " + receiptBodies + ": must be 0 to 13 (there are 13 bodies)");
        }
        if (templates < 1 || templates > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--templates " + templates + ": must be 1 to 1,000,000");
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout " + timeoutSeconds + ": must be at least 1 second");
        }
    }

    private static AuditPartitions partitions(Admin kafka, List<String> agencies) throws Exception {
        List<String> names = new java.util.ArrayList<>(agencies.stream().map(Topics::inbound).toList());
        names.add(Topics.AUDIT);
        Map<String, TopicDescription> topics = kafka.describeTopics(names).allTopicNames().get();
        Map<String, Integer> inbound = new HashMap<>();
        agencies.forEach(a -> inbound.put(a, topics.get(Topics.inbound(a)).partitions().size()));
        return new AuditPartitions(inbound, topics.get(Topics.AUDIT).partitions().size());
    }

    /** Each audit partition's committed head, read as the router reads it (waiting out an open transaction). */
    private static Map<Integer, String> heads(Admin kafka, Map<String, Object> router, int auditPartitions, Duration timeout) {
        Map<Integer, String> heads = new TreeMap<>();
        try (AuditLogTail tail = new AuditLogTail(kafka, router, timeout)) {
            for (int p = 0; p < auditPartitions; p++) {
                heads.put(p, tail.head(p).orElse(null));
            }
        }
        return heads;
    }
}

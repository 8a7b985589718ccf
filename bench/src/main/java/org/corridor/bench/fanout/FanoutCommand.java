package org.corridor.bench.fanout;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.corridor.bench.load.PlatformFiles;
import org.corridor.consumer.router.RouterApplication;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fanout}: the like-for-like limit of the router on the same broker. Replays every agency's inbound topic of
 * the running platform from the beginning through {@link FanoutPipeline} (exactly once, per poll batch, the router's
 * client settings), writing {@code --copies} copies per record to {@code bench.fanout.<body>} topics that copy the
 * feeds' partitions and configs, plus an audit-sized and a recipients-sized record, and reports the copies per second
 * a read_committed reader saw: the router's {@code feedRecordsPerSecond}, without the router.
 */
@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "A bare exactly-once fan-out of the inbound topics: the router's like-for-like limit.")
public final class FanoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "./data", description = "the platform's data directory (client.properties, the agencies)")
    Path dataDir;

    @Option(names = "--copies", required = true,
            description = "feed copies per inbound record: the router's feed records ÷ alerts of the library run (bench/run.sh measures it)")
    double copies;

    @Option(names = "--audit-bytes", defaultValue = "0", description = "bytes of each audit-sized record; 0: the average decision on alerts.audit (${DEFAULT-VALUE})")
    int auditBytes;

    @Option(names = "--recipients-bytes", defaultValue = "0", description = "bytes of each recipients-sized record; 0: the average on alerts.recipients (${DEFAULT-VALUE})")
    int recipientsBytes;

    @Option(names = "--timeout", defaultValue = "300", description = "seconds the replay may take (${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--out", description = "write the result as JSON to this file")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        PlatformFiles files = PlatformFiles.load(dataDir);
        var client = files.client().kafka();
        List<String> bodies = List.copyOf(ReferenceData.defaults().bodyIds());
        CopyPlan plan = new CopyPlan(copies, bodies);
        List<String> inbound = files.agencies().stream().map(Topics::inbound).toList();
        List<String> feeds = bodies.stream().map(FanoutTopics::feed).toList();
        List<String> topics = new ArrayList<>(feeds);
        topics.add(FanoutTopics.AUDIT);
        topics.add(FanoutTopics.RECIPIENTS);
        int auditPartitions;
        try (Admin admin = Admin.create(client)) {
            TopicMirror.ensure(admin, topics);
            auditPartitions = TopicMirror.partitions(admin, List.of(FanoutTopics.AUDIT)).get(FanoutTopics.AUDIT);
        }
        int audit = auditBytes > 0 ? auditBytes : RecordSizes.averageValueBytes(client, Topics.AUDIT, 5_000);
        int recipients = recipientsBytes > 0 ? recipientsBytes : RecordSizes.averageValueBytes(client, Topics.RECIPIENTS, 5_000);
        RouterClientSettings router = RouterClientSettings.from(RouterApplication.DEFAULTS);
        console.printf("fanout: %s, %.3f copies per record to %d bench.fanout.<body> topics, audit %d bytes, recipients %d bytes, "
                        + "max.poll.records %d, linger.ms %d (the router's)%n", String.join(",", inbound), copies, feeds.size(),
                audit, recipients, router.maxPollRecords(), router.lingerMs());
        console.flush();
        FanoutPipeline pipeline = new FanoutPipeline(client, router, inbound, plan, audit, recipients, auditPartitions);
        FanoutPipeline.Run run;
        FanoutResult result;
        try (CopyReader reader = new CopyReader(client, feeds)) {
            run = pipeline.run(Duration.ofSeconds(timeoutSeconds));
            if (!reader.await(run.feedCopies(), Duration.ofSeconds(60))) {
                console.printf("fanout: the reader saw %d of %d copies%n", reader.copies(), run.feedCopies());
            }
            result = FanoutResult.of(run, reader.copies(), reader.lastCopyNanos(), copies, audit, recipients, router);
        }
        console.printf("fanout: %d inbound records, %d feed copies (%d seen) in %d transactions (%.1f records each), %.1f s%n",
                result.inboundRecords(), result.feedCopies(), result.feedCopiesSeen(), result.transactions(),
                result.recordsPerTransaction(), result.seconds());
        console.printf("fanout: %.0f feed records/s, %.0f inbound records/s%n", result.feedRecordsPerSecond(), result.inboundRecordsPerSecond());
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, result.toJson());
            console.println("fanout: result written to " + out);
        }
        console.flush();
        return result.feedCopiesSeen() >= result.feedCopies() && result.inboundRecords() > 0 ? 0 : 1;
    }
}

package org.corridor.consumer.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.CommonClientConfigs;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.audit.BrokenLink;
import org.corridor.support.audit.ChainWalk;
import org.corridor.support.registry.CachingSchemaRegistryClient;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.security.ClientConfigFile;
import org.corridor.support.serde.Serdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./corridor audit}: the audit trail's own checks. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the routing decisions' audit trail.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    /**
     * {@code audit verify}: walks each {@code alerts.audit} partition's hash chain from its start and names the first
     * broken link of each. Exit 0: every chain holds; 1: a link is broken; 2: the walk could not be done.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the hash chain of every alerts.audit partition (read_committed, from the start) and "
                    + "name the first broken link of each: a decision changed, removed or inserted. Exit code 0: every "
                    + "chain holds; 1: a link is broken; 2: Kafka or the schema registry could not be read.")
    public static final class Verify implements Callable<Integer> {

        static final String CLIENT_CONFIG = "client.properties";

        @Spec
        CommandSpec spec;

        @Option(names = "--data-dir", defaultValue = "${env:CORRIDOR_DATA_DIR:-./data}",
                description = "the platform's data directory, whose client.properties (written by ./corridor up) holds "
                        + "the admin's Kafka and registry settings; used when it exists")
        Path dataDir;

        @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
                description = "Kafka (${DEFAULT-VALUE}) when client.properties does not name it; given, it wins")
        String bootstrapServers;

        @Option(names = "--schema-registry-url", defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://localhost:8081}",
                description = "schema registry (${DEFAULT-VALUE}) when client.properties does not name it; given, it wins")
        String registryUrl;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Map<String, Object> kafka = new HashMap<>();
            Map<String, Object> serde = new HashMap<>();
            Path file = dataDir.resolve(CLIENT_CONFIG);
            if (Files.isReadable(file)) {
                ClientConfigFile config = ClientConfigFile.load(file);
                kafka.putAll(config.kafka());
                serde.putAll(config.serde());
            }
            var parsed = spec.commandLine().getParseResult();
            if (!kafka.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) || parsed.hasMatchedOption("--bootstrap-servers")) {
                kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            }
            if (!serde.containsKey(RegistryClientConfig.URL) || parsed.hasMatchedOption("--schema-registry-url")) {
                serde.put(RegistryClientConfig.URL, registryUrl);
            }
            ChainVerifier verifier = new ChainVerifier(kafka, Serdes.reader(new CachingSchemaRegistryClient(
                    RegistryClientConfig.from(serde)), RoutingDecision.class), Duration.ofSeconds(30));
            List<ChainVerifier.PartitionResult> results;
            try {
                results = verifier.verify((read, ofAbout) -> {
                    err.printf("audit verify: %,d of about %,d records read (%d%%)%n", read, ofAbout,
                            ofAbout == 0 ? 100 : Math.min(100, read * 100 / ofAbout));
                    err.flush();
                });
            } catch (ChainVerifier.CannotVerify e) {
                err.println("corridor audit verify: " + e.getMessage() + " (Kafka " + kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                        + ", registry " + serde.get(RegistryClientConfig.URL).toString().replaceAll("//[^/@]*@", "//") + ")");
                err.flush();
                return 2;
            }
            return print(results, out);
        }

        static int print(List<ChainVerifier.PartitionResult> results, PrintWriter out) {
            int broken = 0;
            long decisions = 0;
            for (ChainVerifier.PartitionResult r : results) {
                ChainWalk w = r.walk();
                BrokenLink link = w.broken();
                decisions += w.checked();
                if (r.logStart() > 0) {
                    out.printf("partition %d: starts at offset %d (older records were deleted); its first decision is "
                            + "taken as the start of the chain%n", r.partition(), r.logStart());
                }
                if (w.unchained() > 1) {
                    out.printf("partition %d: %d decisions up to offset %d name no previous decision (written before the "
                            + "chain began); a change to one of them but the last is not detected%n", r.partition(),
                            w.unchained(), w.lastUnchainedOffset());
                }
                if (link != null) {
                    broken++;
                    out.println(link.describe(r.partition()));
                    out.printf("partition %d: BROKEN after %s checked%n", r.partition(), decisions(w.checked()));
                } else if (w.checked() == 0) {
                    out.printf("partition %d: no decisions%n", r.partition());
                } else {
                    out.printf("partition %d: %s checked, chain holds; head %s (offset %d)%n", r.partition(),
                            decisions(w.checked()), w.head(), w.headOffset());
                }
            }
            if (broken == 0) {
                out.printf("%s: every chain holds (%d partitions, %s)%n", Topics.AUDIT, results.size(), decisions(decisions));
            } else {
                out.printf("%s: %d of %d partitions %s a broken link%n", Topics.AUDIT, broken, results.size(),
                        broken == 1 ? "has" : "have");
            }
            out.flush();
            return broken == 0 ? 0 : 1;
        }

        private static String decisions(long n) {
            return n + (n == 1 ? " decision" : " decisions");
        }
    }
}

package org.corridor.producer.bulk;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.corridor.producer.publish.AlertPublisher;
import org.corridor.producer.publish.PublisherFactory;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.registry.RegistryClientConfig;
import org.corridor.support.security.ClientConfigFile;
import org.corridor.support.kafka.TopicAdmin;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.AlertValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code import --agency ID --format csv|jsonl FILE}: publishes a file of alerts for one agency. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Publish the alerts of a CSV or JSON-lines file for one agency. Invalid rows go to FILE.rejected.csv; "
                + "rows already on the agency's topic are skipped. Exit 0: all published; 1: rows rejected; "
                + "3: the broker did not take some rows.")
public final class ImportCommand implements Callable<Integer> {

    /** File formats. */
    public enum Format { csv, jsonl }

    @Spec
    CommandSpec spec;

    @Option(names = "--agency", required = true, description = "agency id (its inbound topic is alerts.in.<id>)")
    String agencyId;

    @Option(names = "--agency-country", required = true, description = "the agency's ISO 3166-1 alpha-2 country")
    String agencyCountry;

    @Option(names = "--agency-name", description = "the agency's name (default: its id)")
    String agencyName;

    @Option(names = "--format", description = "csv or jsonl (default: from the file extension)")
    Format format;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "schema registry (default: $SCHEMA_REGISTRY_URL or ${DEFAULT-VALUE})")
    String registryUrl;

    @Option(names = "--command-config", defaultValue = "${env:CORRIDOR_CLIENT_CONFIG:-./data/client.properties}",
            description = "Kafka and schema-registry client settings (credentials) as a properties file; used when it "
                    + "exists (default: $CORRIDOR_CLIENT_CONFIG or ${DEFAULT-VALUE}, written by ./corridor up)")
    Path commandConfig;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions when the topic is created (${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1", description = "replication when the topic is created (${DEFAULT-VALUE})")
    short replication;

    @Option(names = "--progress", negatable = true, description = "show a progress bar (default: on a terminal)")
    Boolean progress;

    @Parameters(index = "0", paramLabel = "FILE", description = "the file to import")
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isReadable(file)) {
            spec.commandLine().getErr().println("import: cannot read " + file);
            return 2;
        }
        Format f = format != null ? format : file.toString().endsWith(".jsonl") ? Format.jsonl : Format.csv;
        Agency agency = new Agency(agencyId, agencyCountry, agencyName == null ? agencyId : agencyName);
        AlertValidator validator = new AlertValidator(ReferenceData.defaults(), Clock.systemUTC());
        Map<String, Object> kafka = new HashMap<>();
        Map<String, Object> serde = new HashMap<>(Map.of(RegistryClientConfig.URL, registryUrl));
        if (commandConfig != null && Files.isReadable(commandConfig)) {
            ClientConfigFile config = ClientConfigFile.load(commandConfig);
            kafka.putAll(config.kafka());
            serde.putAll(config.serde());
            // Explicit options win over the file.
            if (spec.commandLine().getParseResult().hasMatchedOption("--schema-registry-url")) {
                serde.put(RegistryClientConfig.URL, registryUrl);
            }
        }
        if (!kafka.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                || spec.commandLine().getParseResult().hasMatchedOption("--bootstrap-servers")) {
            kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        String topic = Topics.inbound(agencyId);
        try (Admin admin = Admin.create(kafka)) {
            TopicAdmin.ensure(admin, List.of(topic), partitions, replication);
        }
        Set<String> onTopic = PublishedIds.read(kafka, topic);
        try (AlertPublisher publisher = PublisherFactory.create(kafka, serde, validator);
             ImportFile input = open(f, agency, validator)) {
            BulkImporter importer = new BulkImporter(publisher, onTopic, 5_000);
            ImportSummary summary;
            if (progress != null ? progress : System.console() != null) {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("import " + file.getFileName())
                        .setInitialMax(countRows(f)).setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" rows", 1).build()) {
                    summary = importer.run(input, RejectedRows.pathFor(file), bar::stepTo);
                }
            } else {
                summary = importer.run(input, RejectedRows.pathFor(file), rows -> { });
            }
            print(out, summary, f);
            return summary.exitCode();
        }
    }

    private ImportFile open(Format f, Agency agency, AlertValidator validator) throws IOException {
        return f == Format.csv
                ? new CsvImportFile(file, new CsvAlerts(agency, new SubstanceNames(ReferenceData.defaults())), validator, Clock.systemUTC())
                : new JsonlImportFile(file, agency, validator, Clock.systemUTC());
    }

    private long countRows(Format f) throws IOException {
        try (var lines = Files.lines(file)) {
            long nonBlank = lines.filter(l -> !l.isBlank()).count();
            return f == Format.csv ? Math.max(0, nonBlank - 1) : nonBlank;
        }
    }

    private void print(PrintWriter out, ImportSummary s, Format f) {
        out.printf("Imported %s (%s) for agency %s in %.1f s%n", file, f, agencyId, s.took().toMillis() / 1000.0);
        out.printf("  rows read:          %,9d%n", s.rows());
        out.printf("  published:          %,9d%n", s.published());
        out.printf("  already published:  %,9d%n", s.alreadyPublished());
        out.printf("  rejected:           %,9d%s%n", s.rejected().size(),
                s.rejectedFile() == null ? "" : "   (rows and reasons in " + s.rejectedFile() + ")");
        s.rejected().stream().limit(20).forEach(p -> out.printf("    row %d: %s%n", p.row(), p.reason()));
        if (s.rejected().size() > 20) {
            out.printf("    ... and %d more%n", s.rejected().size() - 20);
        }
        if (!s.failed().isEmpty()) {
            out.printf("  NOT published (broker or registry failure): %,d%n", s.failed().size());
            s.failed().stream().limit(10).forEach(p -> out.printf("    row %d: %s%n", p.row(), p.reason()));
        }
        out.flush();
    }
}

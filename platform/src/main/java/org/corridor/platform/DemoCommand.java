package org.corridor.platform;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.WithheldBody;
import org.corridor.schemas.avro.WithholdReason;
import org.corridor.schemas.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code demo}: publishes the demo scenario to a running platform and prints who received what, and why not. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Publish a realistic scenario from several agencies to the running platform (./corridor up) and "
                + "print which body received which alert and why the others were withheld.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "${env:CORRIDOR_DATA_DIR:-./data}", description = "the platform's data directory (agency tokens)")
    Path dataDir;

    @Option(names = "--rest-url", defaultValue = "http://localhost:8080", description = "agency REST service (${DEFAULT-VALUE})")
    String restUrl;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}", description = "Kafka (${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://localhost:8081}", description = "registry (${DEFAULT-VALUE})")
    String registryUrl;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<DemoScenario.Published> published = DemoScenario.publish(restUrl, DemoAgencies.tokens(dataDir));
        Set<String> wanted = new LinkedHashSet<>();
        published.forEach(p -> wanted.add(p.alertId() + ":" + p.version()));
        // The admin's client settings written by ./corridor up (SASL/SCRAM on the default secured broker).
        Map<String, RoutingDecision> decisions = AuditReader.await(
                org.corridor.platform.access.SecureSetup.readClientConfig(dataDir, bootstrapServers), registryUrl, wanted,
                Duration.ofSeconds(60));
        print(out, published, decisions);
        return decisions.keySet().containsAll(wanted) ? 0 : 1;
    }

    static void print(PrintWriter out, List<DemoScenario.Published> published, Map<String, RoutingDecision> decisions) {
        List<String> bodies = List.copyOf(ReferenceData.defaults().bodyIds());
        out.printf("%-3s %-31s %-16s", "#", "alert", "agency");
        bodies.forEach(b -> out.printf(" %-5s", abbreviate(b)));
        out.println();
        int n = 1;
        for (DemoScenario.Published p : published) {
            RoutingDecision d = decisions.get(p.alertId() + ":" + p.version());
            out.printf("%-3s %-31s %-16s", n++, p.step().label() + " v" + p.version(), p.step().agency());
            for (String body : bodies) {
                out.printf(" %-5s", d == null ? "?" : d.getRecipients().contains(body) ? "yes" : mark(d, body));
            }
            out.println();
        }
        out.println();
        out.println("yes = delivered to the body's feed;  . = not concerned;  RED/H2/NR/OUT = withheld by the markings:");
        n = 1;
        for (DemoScenario.Published p : published) {
            RoutingDecision d = decisions.get(p.alertId() + ":" + p.version());
            int step = n++;
            if (d == null) {
                out.printf("  %d: no routing decision yet%n", step);
                continue;
            }
            for (WithheldBody w : d.getWithheld()) {
                if (w.getReason() != WithholdReason.NOT_CONCERNED) {
                    out.printf("  %d %-10s %s%n", step, w.getBody(), w.getReason() + ": " + w.getDetail());
                }
            }
        }
        out.flush();
    }

    private static String mark(RoutingDecision d, String body) {
        return d.getWithheld().stream().filter(w -> w.getBody().equals(body)).findFirst().map(w -> switch (w.getReason()) {
            case TLP_RED_NOT_ADDRESSED -> "RED";
            case H2_NOT_ADDRESSED -> "H2";
            case NOT_RELEASABLE -> "NR";
            case OUTSIDE_RELEASABLE_LIST -> "OUT";
            default -> ".";
        }).orElse(".");
    }

    private static String abbreviate(String body) {
        return switch (body) {
            case "INTERPOL" -> "INTPL";
            case "PARIS_PACT" -> "PPACT";
            case "EUROPOL" -> "EUPOL";
            case "CARICC" -> "CARIC";
            default -> body;
        };
    }
}

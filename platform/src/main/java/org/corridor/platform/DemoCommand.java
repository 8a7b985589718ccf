package org.corridor.platform;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.corridor.platform.access.CredentialStore;
import org.corridor.platform.access.HttpCredentials;
import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.CorrelationStatus;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.WithheldBody;
import org.corridor.schemas.avro.WithholdReason;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.http.HttpParty;
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

    @Option(names = "--subscriber-url", defaultValue = "http://localhost:8083", description = "subscribers (${DEFAULT-VALUE})")
    String subscriberUrl;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}", description = "Kafka (${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://localhost:8081}", description = "registry (${DEFAULT-VALUE})")
    String registryUrl;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> tokens = DemoAgencies.tokens(dataDir);
        List<DemoScenario.Published> published = DemoScenario.publish(restUrl, tokens);
        Set<String> wanted = new LinkedHashSet<>();
        published.forEach(p -> wanted.add(p.alertId() + ":" + p.version()));
        // The admin's client settings written by ./corridor up (SASL/SCRAM on the default secured broker).
        Map<String, Object> client = org.corridor.platform.access.SecureSetup.readClientConfig(dataDir, bootstrapServers);
        Map<String, RoutingDecision> decisions = AuditReader.await(client, registryUrl, wanted, Duration.ofSeconds(60));
        print(out, published, decisions);
        String tajik = "tj-drug-control/" + published.get(0).alertId();
        String kazakh = published.stream().filter(p -> p.step().label().equals(DemoScenario.KAZAKH_HEROIN)).findFirst()
                .map(p -> p.step().agency() + "/" + p.alertId()).orElseThrow();
        List<CorrelationHit> hits = CorrelationReader.await(client, registryUrl, h -> h.getPair().contains(tajik)
                && h.getPair().contains(kazakh), Duration.ofSeconds(60));
        boolean linked = printLinks(out, published, hits);
        out.printf("%nThe return channel: CARICC asks %s about the heroin alert, the agency answers, UNODC reports a seizure...%n",
                DemoThread.AGENCY);
        out.flush();
        // The heroin alert as corrected (its latest version): the one the bodies hold now.
        DemoScenario.Published heroin = published.stream().filter(p -> p.alertId().equals(published.get(0).alertId()))
                .reduce((a, b) -> b).orElseThrow();
        CredentialStore credentials = CredentialStore.open(dataDir);
        List<DemoThread.Posted> posted = new DemoThread(restUrl, subscriberUrl, tokens.get(DemoThread.AGENCY),
                body -> credentials.existing(HttpCredentials.key(HttpParty.bodyUser(body))).orElseThrow(() ->
                        new IllegalStateException("no HTTP password of " + body + " in " + credentials.file())))
                .run(heroin.alertId(), heroin.version(), Duration.ofSeconds(60));
        Set<String> responses = new LinkedHashSet<>();
        posted.forEach(p -> responses.add(AuditReader.responseKey(p.responseId())));
        Map<String, RoutingDecision> routed = AuditReader.await(client, registryUrl, responses, Duration.ofSeconds(60));
        DemoThread.print(out, "alert 1, heroin via Tajikistan v" + heroin.version(), posted, routed);
        return decisions.keySet().containsAll(wanted) && routed.keySet().containsAll(responses) && linked ? 0 : 1;
    }

    /** The links the correlator told, by the table's numbers; whether there is at least one. */
    static boolean printLinks(PrintWriter out, List<DemoScenario.Published> published, List<CorrelationHit> hits) {
        out.println();
        out.println("Links the correlator found (alerts.correlations; each body that holds both gets the link, each originator at most a blind notice):");
        Map<String, Integer> numbers = new java.util.HashMap<>();
        for (int i = 0; i < published.size(); i++) {
            DemoScenario.Published p = published.get(i);
            numbers.put(p.step().agency() + "/" + p.alertId() + ":" + p.version(), i + 1);
        }
        boolean any = false;
        for (CorrelationHit h : hits) {
            if (h.getStatus() == CorrelationStatus.WITHDRAWN) {
                out.printf("  withdrawn: %s (%s)%n", h.getPair(), h.getReason());
                continue;
            }
            any = true;
            Integer a = numbers.get(h.getA().getAgency() + "/" + h.getA().getAlertId() + ":" + h.getA().getVersion());
            Integer b = numbers.get(h.getB().getAgency() + "/" + h.getB().getAlertId() + ":" + h.getB().getVersion());
            out.printf(java.util.Locale.ROOT, "  %s ~ %s  %s, score %.2f: %s%n", a == null ? "?" : a, b == null ? "?" : b,
                    h.getKind(), h.getScore(), String.join(", ", h.getKeys()));
            out.printf("         link to %s; blind notices to %s%s%n",
                    String.join(" ", h.getHitTo().stream().map(DemoCommand::abbreviate).toList()),
                    h.getNotices().isEmpty() ? "none" : String.join(", ", h.getNotices().stream().map(n -> n.getAgency()).toList()),
                    h.getWithheld().isEmpty() ? "" : " (withheld: " + String.join(", ", h.getWithheld()) + ")");
        }
        if (!any) {
            out.println("  none yet: is the correlator running? (./corridor status shows its group)");
        }
        out.flush();
        return any;
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

    static String abbreviate(String body) {
        return switch (body) {
            case "INTERPOL" -> "INTPL";
            case "PARIS_PACT" -> "PPACT";
            case "EUROPOL" -> "EUPOL";
            case "CARICC" -> "CARIC";
            default -> body;
        };
    }
}

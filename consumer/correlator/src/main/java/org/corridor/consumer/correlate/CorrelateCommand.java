package org.corridor.consumer.correlate;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.corridor.consumer.correlation.Disclosure;
import org.corridor.consumer.correlation.Link;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.decision.RouteDecider;
import org.corridor.consumer.explain.Explainer;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.routing.Relevance;
import org.corridor.consumer.routing.RoutingRules;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.validation.AlertValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code correlate explain A.json B.json}: whether two alerts would be linked, why, and who would learn of it. Offline. */
@Command(name = "correlate", mixinStandardHelpOptions = true, description = "Correlation of alerts.",
        subcommands = CorrelateCommand.Explain.class)
public final class CorrelateCommand {

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Say whether two alerts (JSON files, the REST API's form) would be linked as reports of one "
                    + "shipment or event, with which keys and score, and who would learn of it: the bodies that would "
                    + "hold both get the hit; each originator a blind notice unless the other alert's markings forbid it. "
                    + "Uses the bundled routing rules; publishes nothing, needs no broker.")
    static final class Explain implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "print the answer as JSON")
        boolean json;

        @Option(names = "--window-days", defaultValue = "7", description = "most days between the events (default ${DEFAULT-VALUE})")
        int windowDays;

        @Parameters(index = "0", paramLabel = "A", description = "the first alert, as JSON")
        Path a;

        @Parameters(index = "1", paramLabel = "B", description = "the second alert, as JSON")
        Path b;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            MatchSettings settings;
            String alertA;
            String alertB;
            try {
                MatchSettings d = MatchSettings.DEFAULTS;
                settings = new MatchSettings(windowDays, d.quantityTolerance(), d.threshold());
            } catch (IllegalArgumentException e) {
                err.println("corridor correlate explain: --window-days: " + e.getMessage());
                err.flush();
                return 2;
            }
            try {
                alertA = read(a);
                alertB = read(b);
            } catch (IllegalArgumentException e) {
                err.println("corridor correlate explain: " + e.getMessage());
                err.flush();
                return 2;
            }
            return explain(settings, alertA, alertB);
        }

        /** The file's text, or an exception that names the file and says what is wrong with it. */
        private static String read(Path file) {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + " is a directory, not an alert's JSON file");
            }
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalArgumentException(file + ": no such file");
            } catch (java.nio.charset.MalformedInputException e) {
                throw new IllegalArgumentException(file + " is not UTF-8 text");
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
            }
        }

        private int explain(MatchSettings settings, String alertA, String alertB) {
            ReferenceData reference = ReferenceData.defaults();
            Explainer routing = new Explainer(new RouteDecider(new Relevance(RoutingRules.defaults(reference), reference),
                    new ReleasePolicy(), reference.bodyIds()), new AlertValidator(reference, Clock.systemUTC()));
            CorrelationExplainer explainer = new CorrelationExplainer(routing, new Matcher(settings), new Disclosure(reference),
                    Clock.systemUTC());
            CorrelationExplainer.Result r = explainer.explain(alertA, alertB);
            PrintWriter out = spec.commandLine().getOut();
            if (!r.violations().isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("Not valid:");
                r.violations().forEach(v -> err.println("  " + v));
                err.flush();
                return 1;
            }
            if (json) {
                out.println(r.json().toPrettyString());
                out.flush();
                return 0;
            }
            print(r, out);
            return 0;
        }

        private static void print(CorrelationExplainer.Result r, PrintWriter out) {
            out.printf("A %s reaches %s%n", r.a().ref(), String.join(", ", new java.util.TreeSet<>(r.a().released().recipients())));
            out.printf("B %s reaches %s%n", r.b().ref(), String.join(", ", new java.util.TreeSet<>(r.b().released().recipients())));
            if (r.verdict().link().isEmpty()) {
                out.println("Not linked: " + r.verdict().reason());
                out.flush();
                return;
            }
            Link l = r.verdict().link().get();
            out.printf(java.util.Locale.ROOT, "Linked (%s, score %.3f): %s%n", l.kind(), l.score(), String.join("  ", l.keys()));
            out.println("Hit to the bodies that hold both: " + (r.plan().hitTo().isEmpty() ? "none" : String.join(", ", r.plan().hitTo())));
            r.plan().notices().forEach(n -> out.printf("Blind notice to %s about its %s: ask through %s%n", n.agency(),
                    n.alert(), String.join(", ", n.askThrough())));
            r.plan().withheld().forEach(w -> out.println("No notice to " + w));
            out.flush();
        }
    }
}

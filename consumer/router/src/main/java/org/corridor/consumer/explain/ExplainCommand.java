package org.corridor.consumer.explain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.policy.Withheld;
import org.corridor.consumer.decision.RouteDecider;
import org.corridor.consumer.routing.Relevance;
import org.corridor.consumer.routing.RoutingRules;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.validation.AlertValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code explain FILE}: who would receive the alert in FILE (JSON) and why the others would not. Offline. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show which bodies would receive an alert (JSON file, '-' for standard input) and why the others "
                + "would not, with the bundled routing rules or --rules FILE. Publishes nothing; needs no broker.")
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", description = "routing-rules YAML file (default: the bundled rules)")
    Path rules;

    @Option(names = "--json", description = "print the decision as JSON")
    boolean json;

    @Parameters(index = "0", paramLabel = "FILE", description = "the alert as JSON (the REST API's form)")
    String file;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExplainCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        ReferenceData reference = ReferenceData.defaults();
        RoutingRules routingRules = rules == null ? RoutingRules.defaults(reference) : RoutingRules.load(rules, reference);
        Explainer explainer = new Explainer(new RouteDecider(new Relevance(routingRules, reference), new ReleasePolicy(),
                reference.bodyIds()), new AlertValidator(reference, Clock.systemUTC()));
        String text = file.equals("-") ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                : Files.readString(Path.of(file));
        Explainer.Result result = explainer.explain(text);
        if (!result.violations().isEmpty()) {
            var err = spec.commandLine().getErr();
            err.println("The alert is not valid:");
            result.violations().forEach(v -> err.println("  " + v));
            err.flush();
            return 1;
        }
        if (json) {
            out.println(result.json().toPrettyString());
        } else {
            out.printf("%-11s %-9s %s%n", "BODY", "RECEIVES", "WHY");
            for (String body : result.decision().recipients()) {
                out.printf("%-11s %-9s rules: %s%n", body, "yes", String.join(", ", result.decision().rulesFor(body)));
            }
            for (Withheld w : result.decision().withheld()) {
                out.printf("%-11s %-9s %s: %s%n", w.body(), "no", w.reason(), w.detail());
            }
        }
        out.flush();
        return 0;
    }
}

package org.corridor.consumer.correlate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.corridor.consumer.correlation.Disclosure;
import org.corridor.consumer.correlation.Link;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.correlation.Report;
import org.corridor.consumer.explain.Explainer;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.validation.Violation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Explains the correlation of two alerts given as JSON: decides each one's recipients as the router would for a first
 * version ({@link Explainer}), then whether they are linked ({@link Matcher}) and who would learn of it ({@link
 * Disclosure}). An alert without {@code originAgency} is taken as agency {@code a} or {@code b}, so two such alerts
 * are different agencies' reports. Pure apart from the clock.
 */
public final class CorrelationExplainer {

    /**
     * @param violations per alert ({@code a.<path>}, {@code b.<path>}) when one is not valid; then nothing else is set
     */
    public record Result(List<Violation> violations, Report a, Report b, Matcher.Verdict verdict, Disclosure.Plan plan) {

        public ObjectNode json() {
            ObjectNode n = JsonMapper.shared().createObjectNode();
            Optional<Link> link = verdict.link();
            n.put("linked", link.isPresent());
            link.ifPresent(l -> {
                n.put("kind", l.kind().name());
                n.put("score", l.score());
                l.keys().forEach(n.putArray("keys")::add);
            });
            if (verdict.reason() != null) {
                n.put("reason", verdict.reason());
            }
            n.putObject("a").put("alert", a.ref()).set("recipients", array(a.released().recipients()));
            n.putObject("b").put("alert", b.ref()).set("recipients", array(b.released().recipients()));
            if (link.isPresent()) {
                n.set("hitTo", array(plan.hitTo()));
                var notices = n.putArray("notices");
                plan.notices().forEach(x -> notices.addObject().put("agency", x.agency()).put("alert", x.alert())
                        .set("askThrough", array(x.askThrough())));
                plan.withheld().forEach(n.withArray("noticesWithheld")::add);
            }
            return n;
        }

        private static tools.jackson.databind.node.ArrayNode array(java.util.Collection<String> values) {
            var a = JsonMapper.shared().createArrayNode();
            values.forEach(a::add);
            return a;
        }
    }

    private final Explainer explainer;
    private final Matcher matcher;
    private final Disclosure disclosure;
    private final Clock clock;

    public CorrelationExplainer(Explainer explainer, Matcher matcher, Disclosure disclosure, Clock clock) {
        this.explainer = explainer;
        this.matcher = matcher;
        this.disclosure = disclosure;
        this.clock = clock;
    }

    public Result explain(String alertA, String alertB) {
        Explainer.Result a = explainer.explain(withAgency(alertA, "a"));
        Explainer.Result b = explainer.explain(withAgency(alertB, "b"));
        List<Violation> violations = new java.util.ArrayList<>();
        a.violations().forEach(v -> violations.add(new Violation("a." + v.path(), v.message())));
        b.violations().forEach(v -> violations.add(new Violation("b." + v.path(), v.message())));
        if (!violations.isEmpty()) {
            return new Result(List.copyOf(violations), null, null, null, null);
        }
        Report ra = Report.of(a.alert(), released(a));
        Report rb = Report.of(b.alert(), released(b));
        Matcher.Verdict verdict = matcher.verdict(ra, rb);
        Disclosure.Plan plan = disclosure.of(ra, rb, LocalDate.now(clock));
        return new Result(List.of(), ra, rb, verdict, plan);
    }

    private static Report.Released released(Explainer.Result r) {
        Handling h = r.alert().getHandling();
        return new Report.Released(r.decision().recipients(), h.getTlp(), h.getHandlingCode(), Set.copyOf(h.getNotReleasableTo()),
                h.getReleasableTo().isEmpty() ? null : Set.copyOf(h.getReleasableTo()));
    }

    /** The JSON with {@code originAgency} {@code {"agencyId": id, ...}} when it has none. */
    private static String withAgency(String json, String id) {
        try {
            ObjectNode n = (ObjectNode) JsonMapper.shared().readTree(json);
            if (!n.has("originAgency")) {
                String country = n.path("route").path("eventCountry").asString("UN");
                n.putObject("originAgency").put("agencyId", id).put("country", country).put("name", "agency " + id);
            }
            return n.toString();
        } catch (RuntimeException e) {
            return json;
        }
    }
}

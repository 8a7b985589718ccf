package org.corridor.consumer.explain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.Withheld;
import org.corridor.consumer.decision.RouteDecider;
import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.Violation;

/**
 * Explains the routing of an alert given as JSON: fills what a publisher would (id, reportedAt, a placeholder origin
 * when none is given), validates, and decides as the router would for a first version. Pure apart from the clock.
 */
public final class Explainer {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final RouteDecider decider;
    private final AlertValidator validator;

    public Explainer(RouteDecider decider, AlertValidator validator) {
        this.decider = decider;
        this.validator = validator;
    }

    /**
     * The decision as JSON, or the violations that stop it.
     *
     * @param alert the alert as decided, with what the explainer filled in (null when it did not read)
     */
    public record Result(ObjectNode json, Decision decision, List<Violation> violations, TraffickingAlert alert) {

        public Result(ObjectNode json, Decision decision, List<Violation> violations) {
            this(json, decision, violations, null);
        }
    }

    public Result explain(String alertJson) {
        AlertJson.Read read = AlertJson.read(alertJson);
        if (!read.ok()) {
            return new Result(null, null, read.violations());
        }
        TraffickingAlert alert = read.alert();
        if (alert.getAlertId() == null) {
            alert.setAlertId(UUID.randomUUID());
        }
        if (alert.getReportedAt() == null) {
            alert.setReportedAt(Instant.now());
        }
        if (alert.getOriginAgency() == null) {
            alert.setOriginAgency(new Agency("explain", alert.getRoute() == null ? "UN" : alert.getRoute().getEventCountry(), "explain"));
        }
        List<Violation> violations = validator.validate(alert);
        if (!violations.isEmpty()) {
            return new Result(null, null, violations, alert);
        }
        Decision decision = decider.decide(alert, Set.of());
        ObjectNode json = JSON.createObjectNode();
        decision.recipients().forEach(json.putArray("recipients")::add);
        if (!json.has("recipients")) {
            json.putArray("recipients");
        }
        var withheld = json.putArray("withheld");
        for (Withheld w : decision.withheld()) {
            withheld.addObject().put("body", w.body()).put("reason", w.reason().name()).put("detail", w.detail());
        }
        ObjectNode rules = json.putObject("matchedRules");
        decision.matchedRules().forEach((body, ids) -> ids.stream().sorted().forEach(rules.withArray(body)::add));
        return new Result(json, decision, List.of(), alert);
    }
}

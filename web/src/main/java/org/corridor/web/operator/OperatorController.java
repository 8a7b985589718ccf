package org.corridor.web.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.corridor.web.app.Exchange;
import org.corridor.web.officer.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code /operator}: the monitor's dashboard (latency, groups, bodies, return channel, topics), its dead letters
 * (headers only: reason, source, time), and a re-drive of a body's parked deliveries. The operator sees no alert's content here.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
public class OperatorController {

    private static final Pattern BODY = Pattern.compile("[A-Z][A-Z_]{1,31}");

    private final Exchange exchange;

    OperatorController(Exchange exchange) {
        this.exchange = exchange;
    }

    /**
     * The monitor's dashboard, inside the people's login: one sampling round of {@code GET /api/v1/health} (latency,
     * consumer groups, bodies, return channel, dead letters, topics), the series drawn as lines on the server.
     */
    @GetMapping("/operator")
    String overview(Model model) {
        Exchange.Answer health = exchange.monitorAsOperator("/api/v1/health");
        JsonNode report = health.ok() ? health.body() : JsonNodeFactory.instance.objectNode();
        model.addAttribute("report", report);
        model.addAttribute("deadLetters", report.path("deadLetters"));
        model.addAttribute("bodies", report.path("bodies"));
        Map<String, Sparkline> groupLines = new LinkedHashMap<>();
        report.path("groups").forEach(g -> groupLines.put(g.path("group").asString(), Sparkline.of(g.path("lagHistory"))));
        Map<String, Sparkline> topicLines = new LinkedHashMap<>();
        report.path("topics").forEach(t -> topicLines.put(t.path("name").asString(), Sparkline.of(t.path("logEndHistory"))));
        java.util.List<String> problems = new java.util.ArrayList<>();
        report.path("problems").forEach(p -> problems.add(p.asString()));
        model.addAttribute("unreachable", problems.isEmpty() ? null : String.join("; ", problems));
        model.addAttribute("groupLines", groupLines);
        model.addAttribute("topicLines", topicLines);
        model.addAttribute("problem", health.ok() ? null : health.body().path("detail").asString("the monitor did not answer"));
        return "operator/overview";
    }

    @PostMapping("/operator/bodies/{body}/redrive")
    String redrive(@PathVariable String body, RedirectAttributes redirect) {
        if (!BODY.matcher(body).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Exchange.Answer r = exchange.subscribersAsOperator("POST", "/api/v1/feeds/" + body + "/redrive");
        if (r.ok()) {
            redirect.addFlashAttribute("redriven", body);
            redirect.addFlashAttribute("delivered", r.body().path("delivered").asInt());
            redirect.addFlashAttribute("parkedAgain", r.body().path("parkedAgain").asInt());
        } else {
            redirect.addFlashAttribute("error", body + ": " + r.body().path("error").asString(Problems.text(r.body())));
        }
        return "redirect:/operator";
    }
}

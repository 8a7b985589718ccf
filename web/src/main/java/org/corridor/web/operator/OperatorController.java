package org.corridor.web.operator;

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
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code /operator}: the monitor's dead letters (headers only: reason, source, time) and bodies (lag, parked,
 * delivered, acknowledged), and a re-drive of a body's parked deliveries. The operator sees no alert's content here.
 */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
public class OperatorController {

    private static final Pattern BODY = Pattern.compile("[A-Z][A-Z_]{1,31}");

    private final Exchange exchange;

    OperatorController(Exchange exchange) {
        this.exchange = exchange;
    }

    @GetMapping("/operator")
    String overview(Model model) {
        Exchange.Answer dead = exchange.monitorAsOperator("/api/v1/health/dead-letters");
        Exchange.Answer bodies = exchange.monitorAsOperator("/api/v1/health/bodies");
        model.addAttribute("deadLetters", dead.ok() ? dead.body() : JsonNodeFactory.instance.objectNode());
        model.addAttribute("bodies", bodies.ok() ? bodies.body() : JsonNodeFactory.instance.arrayNode());
        model.addAttribute("problem", dead.ok() && bodies.ok() ? null
                : (dead.ok() ? bodies : dead).body().path("detail").asString("the monitor did not answer"));
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

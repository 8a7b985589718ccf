package org.corridor.consumer.explain;

import java.util.Map;

import org.corridor.consumer.decision.RouteDecider;
import org.corridor.schemas.validation.AlertValidator;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/routing/explain}: the routing decision for an alert (JSON), publishing nothing. */
@RestController
public class ExplainController {

    private final Explainer explainer;

    ExplainController(RouteDecider decider, AlertValidator validator) {
        this.explainer = new Explainer(decider, validator);
    }

    @PreAuthorize("hasAnyRole('AGENCY', 'BODY')")
    @PostMapping(path = "/api/v1/routing/explain", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> explain(@RequestBody String body) {
        Explainer.Result result = explainer.explain(body);
        if (!result.violations().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the alert is not valid");
            problem.setProperty("errors", result.violations().stream()
                    .map(v -> Map.of("field", v.path(), "message", v.message())).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        // Jackson 2 tree from the contract module: written as text so the web layer's Jackson 3 does not re-map it.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result.json().toString());
    }
}

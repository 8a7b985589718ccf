package org.corridor.consumer.correlator;

import java.util.Map;

import org.corridor.consumer.correlate.CorrelationExplainer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/correlation/explain} with {@code {"a": <alert>, "b": <alert>}}: whether the two would be linked,
 * by which keys and score, and who would learn of it; what {@code ./corridor correlate explain} prints with
 * {@code --json}. Nothing is published or stored.
 */
@RestController
class CorrelationController {

    private final CorrelationExplainer explainer;

    CorrelationController(CorrelationExplainer explainer) {
        this.explainer = explainer;
    }

    @PreAuthorize("hasAnyRole('AGENCY', 'BODY')")
    @PostMapping(path = "/api/v1/correlation/explain", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> explain(@RequestBody String body) {
        JsonNode pair;
        try {
            pair = JsonMapper.shared().readTree(body);
        } catch (RuntimeException e) {
            return problem("the body is not JSON", Map.of("field", "", "message", "must be a JSON object with a and b"));
        }
        if (pair == null || !pair.isObject() || !pair.path("a").isObject() || !pair.path("b").isObject()) {
            return problem("the body must hold two alerts", Map.of("field", pair != null && pair.path("a").isObject() ? "b" : "a",
                    "message", "must be an alert (a JSON object)"));
        }
        CorrelationExplainer.Result result = explainer.explain(pair.get("a").toString(), pair.get("b").toString());
        if (!result.violations().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "an alert is not valid");
            problem.setProperty("errors", result.violations().stream()
                    .map(v -> Map.of("field", v.path(), "message", v.message())).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result.json().toString());
    }

    private static ResponseEntity<ProblemDetail> problem(String detail, Map<String, String> error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", java.util.List.of(error));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

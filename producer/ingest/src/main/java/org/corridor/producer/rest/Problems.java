package org.corridor.producer.rest;

import java.net.URI;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.corridor.schemas.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 {@code application/problem+json} answers; invalid fields are listed one per entry under {@code errors}. */
final class Problems {

    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    static ResponseEntity<ProblemDetail> of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:corridor:problem:" + type));
        return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
    }

    static ResponseEntity<ProblemDetail> invalid(List<Violation> violations) {
        ResponseEntity<ProblemDetail> response = of(HttpStatus.BAD_REQUEST, "invalid-alert",
                violations.size() + " invalid field" + (violations.size() == 1 ? "" : "s") + ": " + violations.get(0)
                        + (violations.size() > 1 ? " (and more, see errors)" : ""));
        response.getBody().setProperty("errors", violations.stream()
                .map(v -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("field", v.path());
                    entry.put("message", v.message());
                    return entry;
                }).toList());
        return response;
    }
}

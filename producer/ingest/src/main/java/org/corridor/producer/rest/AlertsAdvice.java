package org.corridor.producer.rest;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.corridor.producer.metrics.IngestMetrics;
import org.corridor.producer.metrics.IngestMetrics.Reason;
import org.corridor.schemas.validation.InvalidAlertException;
import org.corridor.schemas.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Request errors that happen before or around the controller, as problem answers naming what was wrong. */
@RestControllerAdvice(assignableTypes = AlertsController.class)
class AlertsAdvice {

    private final IngestMetrics metrics;

    AlertsAdvice(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.corridor.support.http.BodyLimitFilter.TooLarge) {
                metrics.rejected(agency(request), Reason.TOO_LARGE);
                return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "the request body is over the size limit");
            }
        }
        metrics.rejected(agency(request), Reason.MALFORMED);
        String message = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "required" : "malformed JSON";
        return Problems.invalid(List.of(new Violation("body", message)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        metrics.rejected(agency(request), Reason.MALFORMED);
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Content-Type must be application/json, was " + e.getContentType());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> pathType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        metrics.rejected(agency(request), Reason.INVALID);
        return Problems.invalid(List.of(new Violation(e.getName(), "\"" + e.getValue() + "\" is not a UUID")));
    }

    @ExceptionHandler(InvalidAlertException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAlertException e, HttpServletRequest request) {
        metrics.rejected(agency(request), Reason.INVALID);
        return Problems.invalid(e.violations());
    }

    private static String agency(HttpServletRequest request) {
        Object account = request.getAttribute(AgencyAuthFilter.AGENCY);
        return account instanceof AgencyAccount a ? a.id() : null;
    }
}

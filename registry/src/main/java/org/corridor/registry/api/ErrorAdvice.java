package org.corridor.registry.api;

import org.corridor.registry.api.Dtos.ErrorResponse;
import org.corridor.registry.core.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as Confluent's body {@code {"error_code": ..., "message": ...}}, never a stack trace. Global to the
 * registry's own application context (a host process runs the registry in a context of its own, on its own port).
 */
@RestControllerAdvice
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);
    private static final MediaType V1 = MediaType.parseMediaType(MediaTypes.V1);

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<ErrorResponse> registry(RegistryException e) {
        if (e.status() >= 500) {
            log.error("Registry error {}: {}", e.errorCode(), e.getMessage(), e.getCause());
        }
        return body(e.status(), e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException e) {
        return body(400, 400, "Bad request: the body is not the expected JSON");
    }

    /** Spring's own 4xx answers: unknown path, wrong method, unsupported content type, bad parameter. */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ErrorResponse> spring(ErrorResponseException e) {
        int status = e.getStatusCode().value();
        return body(status, status, e.getBody().getDetail() == null ? HttpStatus.valueOf(status).getReasonPhrase()
                : e.getBody().getDetail());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse known) {
            int status = known.getStatusCode().value();
            return body(status, status, known.getBody().getDetail());
        }
        log.error("Unexpected registry error", e);
        return body(500, 50001, "Error in the backend data store: " + e.getClass().getSimpleName());
    }

    private static ResponseEntity<ErrorResponse> body(int status, int code, String message) {
        return ResponseEntity.status(status).contentType(V1).body(new ErrorResponse(code, message));
    }
}

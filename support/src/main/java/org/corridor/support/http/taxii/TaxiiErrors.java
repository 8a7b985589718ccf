package org.corridor.support.http.taxii;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** TAXII 2.1 error messages: {@code title}, {@code description}, {@code http_status}. */
public final class TaxiiErrors {

    private TaxiiErrors() {
    }

    /** A TAXII error message with that status, in TAXII's media type. */
    public static ResponseEntity<ObjectNode> of(HttpStatus status, String title, String description) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("title", title);
        e.put("description", description);
        e.put("http_status", String.valueOf(status.value()));
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(TaxiiMedia.TAXII)).body(e);
    }
}

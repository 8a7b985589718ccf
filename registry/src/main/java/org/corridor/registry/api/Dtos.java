package org.corridor.registry.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Request and response bodies of the API, named and shaped as Confluent's. */
final class Dtos {

    private Dtos() {
    }

    /** Body of register, lookup and compatibility requests. References are not supported (refused when given). */
    record SchemaRequest(String schema, String schemaType, List<Object> references) {
    }

    record IdResponse(int id) {
    }

    record SchemaResponse(String schema) {
    }

    record VersionResponse(String subject, int version, int id, String schema) {
    }

    record SubjectVersion(String subject, int version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompatibilityResponse(@JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {
    }

    record ConfigRequest(String compatibility) {
    }

    record ConfigUpdate(String compatibility) {
    }

    record ConfigResponse(String compatibilityLevel) {
    }

    record ModeRequest(String mode) {
    }

    record ModeResponse(String mode) {
    }

    record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {
    }
}

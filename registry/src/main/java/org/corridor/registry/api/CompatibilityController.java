package org.corridor.registry.api;

import java.util.List;

import org.corridor.registry.api.Dtos.CompatibilityResponse;
import org.corridor.registry.api.Dtos.SchemaRequest;
import org.corridor.registry.core.SchemaRegistry;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /compatibility}: would this schema be accepted after a version (or after the versions its level checks)? */
@RestController
@RequestMapping(path = "/compatibility", produces = {MediaTypes.V1, MediaTypes.GENERIC, MediaTypes.JSON})
class CompatibilityController {

    private final SchemaRegistry registry;

    CompatibilityController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @PostMapping("/subjects/{subject}/versions/{version}")
    CompatibilityResponse againstVersion(@PathVariable String subject, @PathVariable String version,
                                         @RequestBody SchemaRequest request,
                                         @RequestParam(defaultValue = "false") boolean verbose) {
        SubjectsController.refuseReferences(request);
        return answer(registry.testCompatibility(subject, version, request.schema(), request.schemaType()), verbose);
    }

    @PostMapping("/subjects/{subject}/versions")
    CompatibilityResponse againstLevel(@PathVariable String subject, @RequestBody SchemaRequest request,
                                       @RequestParam(defaultValue = "false") boolean verbose) {
        SubjectsController.refuseReferences(request);
        return answer(registry.testCompatibility(subject, null, request.schema(), request.schemaType()), verbose);
    }

    private static CompatibilityResponse answer(List<String> messages, boolean verbose) {
        return new CompatibilityResponse(messages.isEmpty(), verbose ? messages : null);
    }
}

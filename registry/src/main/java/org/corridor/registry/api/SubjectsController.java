package org.corridor.registry.api;

import java.util.List;

import org.corridor.registry.api.Dtos.IdResponse;
import org.corridor.registry.api.Dtos.SchemaRequest;
import org.corridor.registry.api.Dtos.VersionResponse;
import org.corridor.registry.core.RegistryException;
import org.corridor.registry.core.SchemaRegistry;
import org.corridor.registry.core.SchemaRegistry.Registered;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /subjects}: register, look up, list and delete schemas by subject and version. */
@RestController
@RequestMapping(path = "/subjects", produces = {MediaTypes.V1, MediaTypes.GENERIC, MediaTypes.JSON})
class SubjectsController {

    private final SchemaRegistry registry;

    SubjectsController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted) {
        return registry.subjects(deleted);
    }

    @GetMapping("/{subject}/versions")
    List<Integer> versions(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.versions(subject, deleted);
    }

    @GetMapping("/{subject}/versions/{version}")
    VersionResponse version(@PathVariable String subject, @PathVariable String version,
                            @RequestParam(defaultValue = "false") boolean deleted) {
        return response(registry.version(subject, version, deleted));
    }

    @GetMapping("/{subject}/versions/{version}/schema")
    String rawSchema(@PathVariable String subject, @PathVariable String version,
                     @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.version(subject, version, deleted).schema();
    }

    @PostMapping("/{subject}/versions")
    IdResponse register(@PathVariable String subject, @RequestBody SchemaRequest request) {
        refuseReferences(request);
        return new IdResponse(registry.register(subject, request.schema(), request.schemaType()));
    }

    @PostMapping("/{subject}")
    VersionResponse lookup(@PathVariable String subject, @RequestBody SchemaRequest request,
                           @RequestParam(defaultValue = "false") boolean deleted) {
        refuseReferences(request);
        return response(registry.lookup(subject, request.schema(), request.schemaType(), deleted));
    }

    @DeleteMapping("/{subject}")
    List<Integer> deleteSubject(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteSubject(subject, permanent);
    }

    @DeleteMapping("/{subject}/versions/{version}")
    int deleteVersion(@PathVariable String subject, @PathVariable String version,
                      @RequestParam(defaultValue = "false") boolean permanent) {
        return registry.deleteVersion(subject, version, permanent);
    }

    static void refuseReferences(SchemaRequest request) {
        if (request.references() != null && !request.references().isEmpty()) {
            throw RegistryException.invalidSchema("schema references are not supported by this registry");
        }
    }

    private static VersionResponse response(Registered r) {
        return new VersionResponse(r.subject(), r.version(), r.id(), r.schema());
    }
}

package org.corridor.registry.api;

import java.util.List;

import org.corridor.registry.api.Dtos.SchemaResponse;
import org.corridor.registry.api.Dtos.SubjectVersion;
import org.corridor.registry.core.RegistryException;
import org.corridor.registry.core.SchemaRegistry;
import org.corridor.registry.core.StoredVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /schemas}: schemas by global id, and the schema types supported. */
@RestController
@RequestMapping(path = "/schemas", produces = {MediaTypes.V1, MediaTypes.GENERIC, MediaTypes.JSON})
class SchemasController {

    private final SchemaRegistry registry;

    SchemasController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/ids/{id}")
    SchemaResponse schema(@PathVariable String id) {
        return new SchemaResponse(registry.schemaById(parseId(id)));
    }

    @GetMapping("/ids/{id}/schema")
    String rawSchema(@PathVariable String id) {
        return registry.schemaById(parseId(id));
    }

    @GetMapping("/ids/{id}/subjects")
    List<String> subjects(@PathVariable String id, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.usesOf(parseId(id), deleted).stream().map(StoredVersion::subject).distinct().toList();
    }

    @GetMapping("/ids/{id}/versions")
    List<SubjectVersion> versions(@PathVariable String id, @RequestParam(defaultValue = "false") boolean deleted) {
        return registry.usesOf(parseId(id), deleted).stream()
                .map(v -> new SubjectVersion(v.subject(), v.version())).toList();
    }

    @GetMapping("/types")
    List<String> types() {
        return List.of("AVRO");
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("Schema " + text + " not found");
        }
    }
}

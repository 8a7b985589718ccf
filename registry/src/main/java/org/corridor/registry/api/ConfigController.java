package org.corridor.registry.api;

import org.corridor.registry.api.Dtos.ConfigRequest;
import org.corridor.registry.api.Dtos.ConfigResponse;
import org.corridor.registry.api.Dtos.ConfigUpdate;
import org.corridor.registry.api.Dtos.ModeRequest;
import org.corridor.registry.api.Dtos.ModeResponse;
import org.corridor.registry.core.RegistryException;
import org.corridor.registry.core.SchemaRegistry;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /config} (compatibility levels) and {@code /mode}, global and per subject. */
@RestController
@org.springframework.web.bind.annotation.RequestMapping(produces = {MediaTypes.V1, MediaTypes.GENERIC, MediaTypes.JSON})
class ConfigController {

    private final SchemaRegistry registry;

    ConfigController(SchemaRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/config")
    ConfigResponse globalLevel() {
        return new ConfigResponse(registry.level(null).name());
    }

    @PutMapping("/config")
    ConfigUpdate setGlobalLevel(@RequestBody ConfigRequest request) {
        return new ConfigUpdate(registry.setLevel(null, request.compatibility()).name());
    }

    @GetMapping("/config/{subject}")
    ConfigResponse subjectLevel(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        if (defaultToGlobal) {
            return new ConfigResponse(registry.level(subject).name());
        }
        return registry.configuredLevel(subject).map(l -> new ConfigResponse(l.name()))
                .orElseThrow(() -> new RegistryException(404, 40408,
                        "Subject '" + subject + "' does not have subject-level compatibility configured"));
    }

    @PutMapping("/config/{subject}")
    ConfigUpdate setSubjectLevel(@PathVariable String subject, @RequestBody ConfigRequest request) {
        return new ConfigUpdate(registry.setLevel(subject, request.compatibility()).name());
    }

    @DeleteMapping("/config/{subject}")
    ConfigResponse deleteSubjectLevel(@PathVariable String subject) {
        return new ConfigResponse(registry.deleteLevel(subject).name());
    }

    @GetMapping("/mode")
    ModeResponse globalMode() {
        return new ModeResponse(registry.configuredMode(null).orElseThrow());
    }

    @PutMapping("/mode")
    ModeResponse setGlobalMode(@RequestBody ModeRequest request) {
        return new ModeResponse(registry.setMode(null, request.mode()));
    }

    @GetMapping("/mode/{subject}")
    ModeResponse subjectMode(@PathVariable String subject, @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
        if (defaultToGlobal) {
            return new ModeResponse(registry.configuredMode(subject).or(() -> registry.configuredMode(null)).orElseThrow());
        }
        return registry.configuredMode(subject).map(ModeResponse::new).orElseThrow(() -> new RegistryException(404, 40409,
                "Subject '" + subject + "' does not have subject-level mode configured"));
    }

    @PutMapping("/mode/{subject}")
    ModeResponse setSubjectMode(@PathVariable String subject, @RequestBody ModeRequest request) {
        return new ModeResponse(registry.setMode(subject, request.mode()));
    }

    @DeleteMapping("/mode/{subject}")
    ModeResponse deleteSubjectMode(@PathVariable String subject) {
        return new ModeResponse(registry.deleteMode(subject));
    }

    @GetMapping("/")
    java.util.Map<String, Object> root() {
        return java.util.Map.of();
    }
}

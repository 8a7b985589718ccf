package org.corridor.platform.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml read the way Compose reads it: YAML with merge keys, variables from an env file. */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Map<String, Object> root;
    private final Map<String, String> variables;

    @SuppressWarnings("unchecked")
    ComposeFile(Path compose, Path envFile) throws IOException {
        Properties env = new Properties();
        try (Reader in = Files.newBufferedReader(envFile)) {
            env.load(in);
        }
        this.variables = new LinkedHashMap<>();
        env.forEach((k, v) -> variables.put(k.toString(), v.toString()));
        try (Reader in = Files.newBufferedReader(compose)) {
            this.root = new Yaml().load(in);
        }
    }

    String variable(String name) {
        return variables.get(name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        Map<String, Object> services = (Map<String, Object>) root.get("services");
        Object s = services.get(name);
        if (s == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return (Map<String, Object>) s;
    }

    /** The service's environment with every ${VAR} resolved; a required variable missing fails. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String service) {
        Map<String, Object> raw = (Map<String, Object>) service(service).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        raw.forEach((k, v) -> env.put(k, interpolate(String.valueOf(v))));
        return env;
    }

    /** The service's main class: the image's build argument. */
    @SuppressWarnings("unchecked")
    String mainClass(String service) {
        Map<String, Object> build = (Map<String, Object>) service(service).get("build");
        return build == null ? null : String.valueOf(((Map<String, Object>) build.get("args")).get("MAIN_CLASS"));
    }

    /** A build argument of the service's image, or null when the service builds no image. */
    @SuppressWarnings("unchecked")
    String buildArg(String service, String name) {
        Map<String, Object> build = (Map<String, Object>) service(service).get("build");
        if (build == null || build.get("args") == null) {
            return null;
        }
        Object value = ((Map<String, Object>) build.get("args")).get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** The service's volumes as written ({@code ./docker/x.json:/opt/x.json:ro}). */
    @SuppressWarnings("unchecked")
    List<String> volumes(String service) {
        Object v = service(service).get("volumes");
        return v == null ? List.of() : ((List<Object>) v).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    List<String> command(String service) {
        return (List<String>) service(service).get("command");
    }

    String interpolate(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            String op = m.group(2);
            if ((value == null || value.isEmpty() && op != null && op.startsWith(":")) && op != null && op.endsWith("-")) {
                value = m.group(3);
            }
            if (value == null) {
                throw new AssertionError("variable " + m.group(1) + " is not set in the env file");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}

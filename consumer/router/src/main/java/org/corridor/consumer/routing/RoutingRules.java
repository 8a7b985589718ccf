package org.corridor.consumer.routing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.corridor.schemas.reference.ReferenceData;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The routing rules, loaded from YAML and validated: an unknown key, body, country, enum value or a malformed CAS
 * number stops loading with the file, the line and the reason.
 *
 * @param version the file's version
 * @param rules   the rules in file order
 */
public record RoutingRules(String version, List<RoutingRule> rules) {

    /** The bundled default rules. */
    public static final String DEFAULT_RESOURCE = "org/corridor/consumer/routing/routing-rules.yml";

    public static RoutingRules defaults(ReferenceData reference) {
        try (Reader reader = new InputStreamReader(RoutingRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE),
                StandardCharsets.UTF_8)) {
            return load("routing-rules.yml", reader, reference);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RoutingRules load(Path file, ReferenceData reference) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(file.toString(), reader, reference);
        } catch (IOException e) {
            throw new RoutingRulesException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    public static RoutingRules load(String file, Reader reader, ReferenceData reference) {
        Node root;
        try {
            root = new Yaml().compose(reader);
        } catch (YAMLException e) {
            throw new RoutingRulesException(file, 0, "not valid YAML: " + e.getMessage());
        }
        YamlReader y = new YamlReader(file, reference);
        MappingNode top = y.mapping(root, "the file");
        y.onlyKeys(top, Set.of("version", "rules"));
        String version = y.scalar(y.required(top, "version"), "version");
        List<RoutingRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Node rulesNode = y.required(top, "rules");
        if (!(rulesNode instanceof SequenceNode list)) {
            throw y.error(rulesNode, "rules: must be a list");
        }
        for (Node item : list.getValue()) {
            RoutingRule rule = y.rule(item);
            if (!ids.add(rule.id())) {
                throw y.error(item, "id: \"" + rule.id() + "\" is used by another rule");
            }
            rules.add(rule);
        }
        return new RoutingRules(version, List.copyOf(rules));
    }

    /** Ids of the rules that route to a body. */
    public List<String> ruleIdsFor(String body) {
        return rules.stream().filter(r -> r.body().equals(body)).map(RoutingRule::id).toList();
    }

    static String key(NodeTuple tuple) {
        return ((ScalarNode) tuple.getKeyNode()).getValue();
    }
}

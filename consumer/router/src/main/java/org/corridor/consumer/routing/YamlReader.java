package org.corridor.consumer.routing;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.reference.CasNumbers;
import org.corridor.schemas.validation.EnumText;
import org.corridor.schemas.reference.CountryCodes;
import org.corridor.schemas.reference.ReferenceData;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the rule YAML node by node, so every problem is reported with its line. */
final class YamlReader {

    static final Set<String> RULE_KEYS = Set.of("id", "body", "when");
    static final Set<String> CONDITION_KEYS = Set.of("kinds", "priorities", "categories", "casNumbers", "minQuantity",
            "routeCountries", "routeMemberOf", "eventCountryMemberOf", "minRouteCountries", "tlp", "hasConcealment");

    private final String file;
    private final ReferenceData reference;

    YamlReader(String file, ReferenceData reference) {
        this.file = file;
        this.reference = reference;
    }

    RoutingRulesException error(Node node, String reason) {
        return new RoutingRulesException(file, node == null ? 0 : node.getStartMark().getLine() + 1, reason);
    }

    MappingNode mapping(Node node, String what) {
        if (!(node instanceof MappingNode m)) {
            throw error(node, what + ": must be a mapping of keys to values");
        }
        return m;
    }

    void onlyKeys(MappingNode map, Set<String> allowed) {
        for (NodeTuple t : map.getValue()) {
            String key = RoutingRules.key(t);
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), "unknown key \"" + key + "\"; allowed: " + allowed.stream().sorted().toList());
            }
        }
    }

    Node required(MappingNode map, String key) {
        return optional(map, key).orElseThrow(() -> error(map, key + ": required"));
    }

    Optional<Node> optional(MappingNode map, String key) {
        return map.getValue().stream().filter(t -> RoutingRules.key(t).equals(key)).map(NodeTuple::getValueNode).findFirst();
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(node, what + ": must be a single value");
        }
        return s.getValue();
    }

    RoutingRule rule(Node node) {
        MappingNode map = mapping(node, "rule");
        onlyKeys(map, RULE_KEYS);
        String id = scalar(required(map, "id"), "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw error(required(map, "id"), "id: \"" + id + "\" must be lowercase letters, digits and hyphens");
        }
        Node bodyNode = required(map, "body");
        String body = knownBody(bodyNode, "body");
        MappingNode when = mapping(required(map, "when"), "when");
        onlyKeys(when, CONDITION_KEYS);
        if (when.getValue().isEmpty()) {
            throw error(when, "when: needs at least one condition");
        }
        return new RoutingRule(id, body, condition(when));
    }

    private Condition condition(MappingNode when) {
        return new Condition(
                set(when, "kinds", v -> enumValue(v, AlertKind.class)),
                set(when, "priorities", v -> enumValue(v, Priority.class)),
                set(when, "categories", v -> enumValue(v, SubstanceCategory.class)),
                set(when, "casNumbers", this::cas),
                optional(when, "minQuantity").map(this::minQuantity),
                set(when, "routeCountries", this::country),
                optional(when, "routeMemberOf").map(n -> bodyWithMembers(n, "routeMemberOf")),
                optional(when, "eventCountryMemberOf").map(n -> bodyWithMembers(n, "eventCountryMemberOf")),
                optional(when, "minRouteCountries").map(n -> positive(n, "minRouteCountries")),
                set(when, "tlp", v -> enumValue(v, Tlp.class)),
                optional(when, "hasConcealment").map(n -> bool(n, "hasConcealment")));
    }

    private <T> Set<T> set(MappingNode map, String key, Function<ScalarNode, T> item) {
        Optional<Node> node = optional(map, key);
        if (node.isEmpty()) {
            return Set.of();
        }
        if (!(node.get() instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw error(node.get(), key + ": must be a non-empty list, such as [A, B]");
        }
        Set<T> values = new LinkedHashSet<>();
        for (Node n : list.getValue()) {
            if (!(n instanceof ScalarNode s)) {
                throw error(n, key + ": items must be single values");
            }
            values.add(item.apply(s));
        }
        return Set.copyOf(values);
    }

    private <E extends Enum<E>> E enumValue(ScalarNode node, Class<E> type) {
        return EnumText.constant(type, node.getValue(), EnumText.Spelling.EXACT)
                .orElseThrow(() -> error(node, EnumText.notOneOf(node.getValue(), type)));
    }

    private String cas(ScalarNode node) {
        if (!CasNumbers.hasValidCheckDigit(node.getValue())) {
            throw error(node, "\"" + node.getValue() + "\" is not a valid CAS number");
        }
        return node.getValue();
    }

    private String country(ScalarNode node) {
        if (!CountryCodes.isIsoAlpha2(node.getValue())) {
            throw error(node, "\"" + node.getValue() + "\" is not an ISO 3166-1 alpha-2 code");
        }
        return node.getValue();
    }

    private String knownBody(Node node, String what) {
        String body = scalar(node, what);
        if (!reference.isKnownBody(body)) {
            throw error(node, what + ": \"" + body + "\" is not a known body (one of " + String.join(", ", reference.bodyIds()) + ")");
        }
        return body;
    }

    private String bodyWithMembers(Node node, String what) {
        String body = knownBody(node, what);
        if (!reference.bodiesWithMemberships().contains(body)) {
            throw error(node, what + ": \"" + body + "\" has no membership list (bodies with one: "
                    + reference.bodiesWithMemberships().stream().sorted().toList() + ")");
        }
        return body;
    }

    private int positive(Node node, String what) {
        try {
            int n = Integer.parseInt(scalar(node, what));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw error(node, what + ": must be a whole number of at least 1");
    }

    private boolean bool(Node node, String what) {
        String text = scalar(node, what);
        if (!text.equals("true") && !text.equals("false")) {
            throw error(node, what + ": must be true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private Condition.MinQuantity minQuantity(Node node) {
        MappingNode map = mapping(node, "minQuantity");
        onlyKeys(map, Set.of("amount", "unit"));
        Node amountNode = required(map, "amount");
        BigDecimal amount;
        try {
            amount = new BigDecimal(scalar(amountNode, "minQuantity.amount"));
        } catch (NumberFormatException e) {
            throw error(amountNode, "minQuantity.amount: must be a number");
        }
        if (amount.signum() <= 0) {
            throw error(amountNode, "minQuantity.amount: must be greater than 0");
        }
        Node unitNode = required(map, "unit");
        return new Condition.MinQuantity(amount, enumValue((ScalarNode) unitNode, QuantityUnit.class));
    }
}

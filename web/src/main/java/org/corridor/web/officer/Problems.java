package org.corridor.web.officer;

import tools.jackson.databind.JsonNode;

/** A problem+json answer as one line for a person: its detail, then each invalid field with its rule. Pure. */
public final class Problems {

    private Problems() {
    }

    public static String text(JsonNode problem) {
        return text(problem, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #text(JsonNode)}, each field's rule told by {@code say} (in the reader's language). */
    public static String text(JsonNode problem, java.util.function.UnaryOperator<String> say) {
        StringBuilder s = new StringBuilder(problem.path("detail").asString("the exchange refused the request"));
        for (JsonNode e : problem.path("errors")) {
            s.append("; ").append(e.path("field").asString("")).append(": ").append(say.apply(e.path("message").asString("")));
        }
        return s.toString();
    }
}

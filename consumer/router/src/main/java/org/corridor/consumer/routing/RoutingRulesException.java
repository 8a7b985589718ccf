package org.corridor.consumer.routing;

/** A routing-rules file that cannot be used; stops startup with the file, line and reason. */
public class RoutingRulesException extends RuntimeException {

    private final int line;

    public RoutingRulesException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.line = line;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }
}

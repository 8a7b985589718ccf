package org.corridor.consumer.routing;

/**
 * One rule: the alerts that concern a body.
 *
 * @param id   stable id, recorded in decisions and feed headers
 * @param body the body the rule routes to
 * @param when the conditions, all of which must hold
 */
public record RoutingRule(String id, String body, Condition when) {
}

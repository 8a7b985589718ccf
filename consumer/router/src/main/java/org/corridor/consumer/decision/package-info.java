/**
 * The whole decision for one inbound alert version, as plain Java: relevance by the routing rules, then the release
 * policy ({@link org.corridor.consumer.decision.RouteDecider}). No Spring, no Kafka: a unit test needs neither.
 */
package org.corridor.consumer.decision;

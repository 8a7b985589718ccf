/**
 * The embedded default: one process runs a real Kafka KRaft broker (data under ./data), the schema registry, the
 * agency REST service, the router and the subscribers for all 13 bodies; plus the {@code ./corridor} commands.
 */
package org.corridor.platform;

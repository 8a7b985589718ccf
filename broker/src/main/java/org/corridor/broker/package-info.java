/**
 * A real Kafka broker (KRaft, combined broker and controller) run inside the JVM from Kafka's own jars.
 * Used by the embedded platform and, where no Docker engine exists, by the integration tests.
 */
package org.corridor.broker;

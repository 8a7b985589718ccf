/**
 * The registry's durable log: a single-partition compacted Kafka topic, read from the start into the state at
 * startup and followed afterwards; written by one transactional producer per instance.
 */
package org.corridor.registry.store;

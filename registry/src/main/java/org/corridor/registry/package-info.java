/**
 * Corridor's schema registry: Confluent's Schema Registry REST API for Avro schemas, stored in a single-partition
 * compacted Kafka topic. Runs alone ({@link org.corridor.registry.RegistryApplication}) or inside another Spring
 * Boot process ({@link org.corridor.registry.RegistryConfiguration}).
 */
package org.corridor.registry;

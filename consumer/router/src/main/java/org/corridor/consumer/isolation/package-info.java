/**
 * How a batch that Kafka refuses is retried, split and its failing record isolated, as plain Java
 * ({@link org.corridor.consumer.isolation.BatchIsolation}): no Spring, no Kafka, so every path has a unit test.
 */
package org.corridor.consumer.isolation;

/** The raw limit: Kafka's own ProducerPerformance on the same broker, same record size, acks=all. */
package org.corridor.bench.raw;

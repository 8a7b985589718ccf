/** JMH: the Confluent-format Avro serde against Jackson JSON of the same alert. */
package org.corridor.bench.serde;

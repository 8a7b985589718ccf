/**
 * Kafka serializers and deserializers for Avro records in the Confluent wire format, configured with Confluent's key
 * names, and {@link org.corridor.support.serde.Serdes}, the one way the services build a topic's value serde.
 */
package org.corridor.support.serde;

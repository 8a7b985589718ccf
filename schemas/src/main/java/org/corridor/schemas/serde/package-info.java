/**
 * Kafka serializers and deserializers for Avro records in the Confluent wire format: byte 0 is the magic byte
 * 0x00, bytes 1-4 the schema id (big-endian), then Avro binary. Configured with Confluent's key names.
 */
package org.corridor.schemas.serde;

/**
 * The Confluent wire format as a contract: byte 0 is the magic byte 0x00, bytes 1-4 the schema id (big-endian), then
 * Avro binary ({@link org.corridor.schemas.serde.WireFormat}); subject naming and the exceptions a bad byte sequence
 * raises. The serializers that speak it live in {@code org.corridor.support.serde}.
 */
package org.corridor.schemas.serde;

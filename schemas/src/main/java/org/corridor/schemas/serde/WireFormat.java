package org.corridor.schemas.serde;

import java.nio.ByteBuffer;

/** The Confluent wire format's five-byte header: magic byte 0, then a big-endian 4-byte schema id. */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the header for a schema id into the start of a new buffer of {@code HEADER_SIZE + payload} bytes. */
    static ByteBuffer header(int schemaId, int payloadSize) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_SIZE + payloadSize);
        buffer.put(MAGIC_BYTE).putInt(schemaId);
        return buffer;
    }

    /**
     * The schema id of a record's bytes.
     *
     * @throws UnknownMagicByteException when the bytes are too short or do not start with the magic byte
     */
    public static int schemaId(byte[] data) {
        if (data == null || data.length < HEADER_SIZE) {
            throw new UnknownMagicByteException("expected at least " + HEADER_SIZE + " bytes (magic byte and schema id), got "
                    + (data == null ? "null" : data.length));
        }
        if (data[0] != MAGIC_BYTE) {
            throw new UnknownMagicByteException(String.format("unknown magic byte 0x%02x, expected 0x00", data[0] & 0xff));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}

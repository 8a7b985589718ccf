package org.corridor.producer.publish;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions and offsets of one alert id's records on its topic, as the id index keeps them in its store: twelve
 * bytes per record (version, then offset, big-endian), in log order. {@link #FORMAT} names this layout: an index in
 * another is rebuilt from the topic.
 */
final class Placements {

    static final String FORMAT = "placements-1";
    private static final int SIZE = Integer.BYTES + Long.BYTES;

    private Placements() {
    }

    static byte[] encode(List<PartitionScan.Placed> placed) {
        ByteBuffer b = ByteBuffer.allocate(placed.size() * SIZE);
        for (PartitionScan.Placed p : placed) {
            b.putInt(p.version()).putLong(p.offset());
        }
        return b.array();
    }

    /** @throws IllegalArgumentException when the bytes are not placements in this format */
    static List<PartitionScan.Placed> decode(byte[] bytes) {
        if (bytes.length % SIZE != 0) {
            throw new IllegalArgumentException("not placements: " + bytes.length + " bytes, not a multiple of " + SIZE);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<PartitionScan.Placed> placed = new ArrayList<>(bytes.length / SIZE);
        while (b.hasRemaining()) {
            placed.add(new PartitionScan.Placed(b.getInt(), b.getLong()));
        }
        return placed;
    }

    /**
     * The encoded placements with one more record; unchanged when a record at that offset is already among them (the
     * index read it before a crash and is handed it again).
     */
    static byte[] with(byte[] encoded, PartitionScan.Placed added) {
        List<PartitionScan.Placed> placed = encoded == null ? new ArrayList<>(1) : decode(encoded);
        if (placed.stream().anyMatch(p -> p.offset() == added.offset())) {
            return encoded;
        }
        placed.add(added);
        return encode(placed);
    }
}

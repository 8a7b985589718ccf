package org.corridor.platform.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.corridor.schemas.topics.Topics;

/**
 * Hostile record values for any Avro topic of Corridor's, built from the ids the registry hands out and one valid
 * value: every registered schema id in front of that value and in front of random bytes, length prefixes that lie
 * (2^31-9, 2^30, 2^20 over the limit, negative), a collection claiming 2^30 items, and truncations.
 */
final class HostileRecords {

    /** One hostile value and what it is, for the assertion messages. */
    record Hostile(String name, byte[] value) {
    }

    private HostileRecords() {
    }

    static List<Hostile> avro(List<Integer> schemaIds, int ownId, byte[] valid, long seed) {
        Random random = new Random(seed);
        List<Hostile> out = new ArrayList<>();
        byte[] body = Arrays.copyOfRange(valid, 5, valid.length);
        for (int id : schemaIds) {
            if (id != ownId) {
                out.add(new Hostile("schema id " + id + " on a valid value of another schema", wire(id, body)));
            }
            byte[] noise = new byte[16 + random.nextInt(200)];
            random.nextBytes(noise);
            out.add(new Hostile("schema id " + id + " on random bytes", wire(id, noise)));
        }
        long limit = Topics.DOWNSTREAM_MAX_BYTES;
        for (long length : new long[] {(1L << 31) - 9, 1L << 30, limit + (1 << 20), -1, Integer.MIN_VALUE}) {
            // The first field of every Corridor record is a string (or a union whose index comes first): a length.
            out.add(new Hostile("length prefix " + length, wire(ownId, concat(zigzagVarint(length), "abc".getBytes(StandardCharsets.UTF_8)))));
            out.add(new Hostile("length prefix " + length + " after a union index", wire(ownId, concat(zigzagVarint(1), zigzagVarint(length)))));
        }
        out.add(new Hostile("a collection claiming 2^30 items", wire(ownId, concat(zigzagVarint(3), concat("abc".getBytes(StandardCharsets.UTF_8),
                concat(zigzagVarint(1L << 30), zigzagVarint(1L << 30)))))));
        out.add(new Hostile("truncated to half", Arrays.copyOf(valid, 5 + (valid.length - 5) / 2)));
        out.add(new Hostile("the header only", Arrays.copyOf(valid, 5)));
        out.add(new Hostile("a short header", Arrays.copyOf(valid, 3)));
        out.add(new Hostile("empty", new byte[0]));
        out.add(new Hostile("JSON nested 100,000 deep", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    static byte[] wire(int schemaId, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(schemaId).put(body).array();
    }

    static byte[] zigzagVarint(long n) {
        long z = (n << 1) ^ (n >> 63);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((z & ~0x7FL) != 0) {
            out.write((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.write((int) z);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

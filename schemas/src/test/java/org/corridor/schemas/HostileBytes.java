package org.corridor.schemas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.corridor.schemas.avro.TraffickingAlert;

/**
 * Hostile record values, generated from a seed: random bytes (some behind a valid wire-format header), valid records
 * with bits flipped, cut short, extended with garbage, or with a length prefix that lies. Shared by the serde's and
 * the router's hostile-input tests.
 */
public final class HostileBytes {

    private HostileBytes() {
    }

    /**
     * @param serializer writes a valid alert in the wire format, with the schema id the reader will know
     */
    public static List<byte[]> generate(long seed, int count, Function<TraffickingAlert, byte[]> serializer) {
        List<byte[]> cases = new ArrayList<>(count);
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            byte[] valid = serializer.apply(SampleAlerts.random(seed + i));
            byte[] b;
            switch (i % 6) {
                case 0 -> {
                    b = new byte[r.nextInt(300)];
                    r.nextBytes(b);
                }
                case 1 -> {
                    b = new byte[5 + r.nextInt(300)];
                    r.nextBytes(b);
                    System.arraycopy(valid, 0, b, 0, 5);
                }
                case 2 -> {
                    b = valid.clone();
                    for (int flips = 1 + r.nextInt(4); flips > 0; flips--) {
                        int at = 5 + r.nextInt(b.length - 5);
                        b[at] = (byte) (b[at] ^ (1 << r.nextInt(8)));
                    }
                }
                case 3 -> b = Arrays.copyOf(valid, 5 + r.nextInt(valid.length - 5));
                case 4 -> {
                    b = Arrays.copyOf(valid, valid.length + 1 + r.nextInt(20));
                    for (int k = valid.length; k < b.length; k++) {
                        b[k] = (byte) r.nextInt(256);
                    }
                }
                default -> {
                    b = valid.clone();
                    int at = 5 + r.nextInt(b.length - 10);
                    byte[] huge = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x0f};
                    System.arraycopy(huge, 0, b, at, Math.min(huge.length, b.length - at));
                }
            }
            cases.add(b);
        }
        return cases;
    }
}

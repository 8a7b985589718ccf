package org.corridor.producer.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.SchemaNormalization;
import org.corridor.schemas.avro.DeliveryReceipt;
import org.corridor.support.state.StateStore;

/**
 * Receipts read before their alert's first decision (the two topics are read side by side), kept in the store under
 * the agency they name (or none, for receipts written before receipts named it) and the alert id, until the decision
 * comes. Nothing bounds them but the decisions: every receipt has one in {@code alerts.audit}, kept for ever, so a
 * receipt waits only until the view has read that far. They are on disk, not in the heap.
 * <p>
 * A value: a count, then for each receipt its topic partition, offset and the receipt in Avro's single-object
 * encoding, whose schema fingerprint is part of {@link #FORMAT}.
 */
final class EarlyReceipts {

    static final String FORMAT = "early-receipts-1-" + Long.toHexString(
            SchemaNormalization.parsingFingerprint64(DeliveryReceipt.getClassSchema()));
    private static final String PREFIX = "early/";

    /** A receipt and where it was read. */
    record Early(String partition, long offset, DeliveryReceipt receipt) {
    }

    private final StateStore store;

    EarlyReceipts(StateStore store) {
        this.store = store;
    }

    /** Keeps the receipt until its decision comes; a receipt already kept (read again) is kept once. */
    void add(String agencyOrNull, String alertId, Early early) {
        store.update(key(agencyOrNull, alertId), old -> {
            List<Early> all = old == null ? new ArrayList<>() : decode(old);
            boolean known = all.stream().anyMatch(e -> e.partition().equals(early.partition()) && e.offset() == early.offset());
            if (!known) {
                all.add(early);
            }
            return encode(all);
        });
    }

    /** The receipts waiting for the alert of that agency (or of none), in the order they were read. */
    List<Early> waiting(String agencyOrNull, String alertId) {
        byte[] v = store.get(key(agencyOrNull, alertId));
        return v == null ? List.of() : decode(v);
    }

    void remove(String agencyOrNull, String alertId) {
        store.delete(key(agencyOrNull, alertId));
    }

    private static String key(String agencyOrNull, String alertId) {
        return PREFIX + (agencyOrNull == null ? "" : agencyOrNull) + "/" + alertId;
    }

    static byte[] encode(List<Early> receipts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(receipts.size());
            for (Early e : receipts) {
                out.writeUTF(e.partition());
                out.writeLong(e.offset());
                ByteBuffer avro = e.receipt().toByteBuffer();
                out.writeInt(avro.remaining());
                out.write(avro.array(), avro.arrayOffset() + avro.position(), avro.remaining());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding early receipts", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not early receipts in this format */
    static List<Early> decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            int n = in.readInt();
            if (n < 0 || n > value.length) {
                throw new IllegalArgumentException("not stored early receipts: count " + n);
            }
            List<Early> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String partition = in.readUTF();
                long offset = in.readLong();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IllegalArgumentException("not stored early receipts: a receipt of " + length + " bytes");
                }
                byte[] avro = new byte[length];
                in.readFully(avro);
                all.add(new Early(partition, offset, DeliveryReceipt.fromByteBuffer(ByteBuffer.wrap(avro))));
            }
            return all;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not stored early receipts: " + e, e);
        }
    }
}

package org.corridor.producer.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * An {@link AlertStatus} as the store keeps it: a compact binary layout (big-endian, {@link DataOutputStream}'s
 * primitives), every fact of every body and the positions of the records applied. {@link #FORMAT} names this layout:
 * a store written in another (the earlier JSON, {@code status-json-1}) is rebuilt from the topics.
 * <p>
 * The view decodes and encodes a status for every receipt it applies, about five per alert: with JSON and
 * ISO-8601 instants that was the largest single cost of the whole platform under load (docs/benchmarks.md), so
 * instants are kept as epoch seconds and nanoseconds, and each body's unset facts as cleared bits of one mask.
 * <pre>
 * status  = MAGIC alertId:text originAgency:text latestVersion:int
 *           applied:int (partition:text nextOffset:long)* bodies:int (body:text mask:short fact*)* answered released
 * answered = count:int text*   (questions the originator answered)
 * released = text              (the latest version's markings, {@link ReleasedMarkings}; empty when not known)
 * (answered and released are absent in statuses stored before responses were routed, MAGIC 0x53)
 * fact    = the set facts of the body in the order of the bits below: int | instant | text | count:int (text instant)*
 * instant = epochSecond:long nano:int
 * text    = length:int UTF-8 bytes
 * </pre>
 */
final class StatusCodec {

    static final String FORMAT = "status-bin-2";

    /** The mark of a status stored before responses were routed: no {@code answered} list. */
    private static final int MAGIC_BEFORE_RESPONSES = 0x53;
    private static final int MAGIC = 0x54;
    private static final int MAX_TEXT = 1 << 20;
    private static final int MAX_ENTRIES = 1 << 16;

    private static final int ROUTED_VERSION = 1;
    private static final int ROUTED_AT = 1 << 1;
    private static final int DELIVERED_VERSION = 1 << 2;
    private static final int DELIVERED_AT = 1 << 3;
    private static final int ACKNOWLEDGED_AT = 1 << 4;
    private static final int PARKED_VERSION = 1 << 5;
    private static final int PARKED_AT = 1 << 6;
    private static final int PARKED_ERROR = 1 << 7;
    private static final int ESCALATED_AT = 1 << 8;
    private static final int FAILED_ATTEMPTS = 1 << 9;
    private static final int WITHHELD_VERSION = 1 << 10;
    private static final int WITHHELD_REASON = 1 << 11;
    private static final int WITHHELD_DETAIL = 1 << 12;
    private static final int OUTCOME = 1 << 13;
    private static final int OUTCOME_AT = 1 << 14;
    private static final int OPEN_QUESTIONS = 1 << 15;
    private static final int KNOWN = (1 << 16) - 1;

    private StatusCodec() {
    }

    static byte[] encode(AlertStatus status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 96 * status.bodies.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(MAGIC);
            text(out, status.alertId);
            text(out, status.originAgency);
            out.writeInt(status.latestVersion);
            out.writeInt(status.applied.size());
            for (Map.Entry<String, Long> e : status.applied.entrySet()) {
                text(out, e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(status.bodies.size());
            for (Map.Entry<String, AlertStatus.BodyState> e : status.bodies.entrySet()) {
                text(out, e.getKey());
                body(out, e.getValue());
            }
            texts(out, status.answered);
            text(out, status.released == null ? "" : status.released.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void body(DataOutputStream out, AlertStatus.BodyState s) throws IOException {
        int mask = (s.routedVersion != 0 ? ROUTED_VERSION : 0) | (s.routedAt != null ? ROUTED_AT : 0)
                | (s.deliveredVersion != 0 ? DELIVERED_VERSION : 0) | (s.deliveredAt != null ? DELIVERED_AT : 0)
                | (s.acknowledgedAt != null ? ACKNOWLEDGED_AT : 0) | (s.parkedVersion != 0 ? PARKED_VERSION : 0)
                | (s.parkedAt != null ? PARKED_AT : 0) | (s.parkedError != null ? PARKED_ERROR : 0)
                | (s.escalatedAt != null ? ESCALATED_AT : 0) | (s.failedAttempts != 0 ? FAILED_ATTEMPTS : 0)
                | (s.withheldVersion != 0 ? WITHHELD_VERSION : 0) | (s.withheldReason != null ? WITHHELD_REASON : 0)
                | (s.withheldDetail != null ? WITHHELD_DETAIL : 0) | (s.outcome != null ? OUTCOME : 0)
                | (s.outcomeAt != null ? OUTCOME_AT : 0) | (!s.openQuestions.isEmpty() ? OPEN_QUESTIONS : 0);
        out.writeShort(mask);
        if ((mask & ROUTED_VERSION) != 0) {
            out.writeInt(s.routedVersion);
        }
        instant(out, mask, ROUTED_AT, s.routedAt);
        if ((mask & DELIVERED_VERSION) != 0) {
            out.writeInt(s.deliveredVersion);
        }
        instant(out, mask, DELIVERED_AT, s.deliveredAt);
        instant(out, mask, ACKNOWLEDGED_AT, s.acknowledgedAt);
        if ((mask & PARKED_VERSION) != 0) {
            out.writeInt(s.parkedVersion);
        }
        instant(out, mask, PARKED_AT, s.parkedAt);
        if ((mask & PARKED_ERROR) != 0) {
            text(out, s.parkedError);
        }
        instant(out, mask, ESCALATED_AT, s.escalatedAt);
        if ((mask & FAILED_ATTEMPTS) != 0) {
            out.writeInt(s.failedAttempts);
        }
        if ((mask & WITHHELD_VERSION) != 0) {
            out.writeInt(s.withheldVersion);
        }
        if ((mask & WITHHELD_REASON) != 0) {
            text(out, s.withheldReason);
        }
        if ((mask & WITHHELD_DETAIL) != 0) {
            text(out, s.withheldDetail);
        }
        if ((mask & OUTCOME) != 0) {
            text(out, s.outcome);
        }
        instant(out, mask, OUTCOME_AT, s.outcomeAt);
        if ((mask & OPEN_QUESTIONS) != 0) {
            out.writeInt(s.openQuestions.size());
            for (Map.Entry<String, Instant> q : s.openQuestions.entrySet()) {
                text(out, q.getKey());
                instant(out, OPEN_QUESTIONS, OPEN_QUESTIONS, q.getValue());
            }
        }
    }

    private static void texts(DataOutputStream out, java.util.Collection<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            text(out, v);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a status in this format */
    static AlertStatus decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || (bytes[0] != MAGIC && bytes[0] != MAGIC_BEFORE_RESPONSES)) {
            throw new IllegalArgumentException("not a stored alert status: it does not start with the format's mark (" + FORMAT + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            AlertStatus status = new AlertStatus(text(in), text(in));
            status.latestVersion = in.readInt();
            for (int i = count(in); i > 0; i--) {
                status.applied.put(text(in), in.readLong());
            }
            for (int i = count(in); i > 0; i--) {
                status.bodies.put(text(in), body(in));
            }
            if (bytes[0] == MAGIC) {
                // Written since responses were routed; a status stored before has no such list.
                for (int i = count(in); i > 0; i--) {
                    status.answered.add(text(in));
                }
                String released = text(in);
                status.released = released.isEmpty() ? null : ReleasedMarkings.parse(released);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("not a stored alert status: " + in.available() + " bytes after its end");
            }
            return status;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a stored alert status: it ends early (" + e + ")", e);
        }
    }

    private static AlertStatus.BodyState body(DataInputStream in) throws IOException {
        int mask = in.readUnsignedShort();
        if ((mask & ~KNOWN) != 0) {
            throw new IllegalArgumentException("not a stored alert status: unknown facts of a body (mask " + Integer.toHexString(mask) + ")");
        }
        AlertStatus.BodyState s = new AlertStatus.BodyState();
        s.routedVersion = (mask & ROUTED_VERSION) != 0 ? in.readInt() : 0;
        s.routedAt = instant(in, mask, ROUTED_AT);
        s.deliveredVersion = (mask & DELIVERED_VERSION) != 0 ? in.readInt() : 0;
        s.deliveredAt = instant(in, mask, DELIVERED_AT);
        s.acknowledgedAt = instant(in, mask, ACKNOWLEDGED_AT);
        s.parkedVersion = (mask & PARKED_VERSION) != 0 ? in.readInt() : 0;
        s.parkedAt = instant(in, mask, PARKED_AT);
        s.parkedError = (mask & PARKED_ERROR) != 0 ? text(in) : null;
        s.escalatedAt = instant(in, mask, ESCALATED_AT);
        s.failedAttempts = (mask & FAILED_ATTEMPTS) != 0 ? in.readInt() : 0;
        s.withheldVersion = (mask & WITHHELD_VERSION) != 0 ? in.readInt() : 0;
        s.withheldReason = (mask & WITHHELD_REASON) != 0 ? text(in) : null;
        s.withheldDetail = (mask & WITHHELD_DETAIL) != 0 ? text(in) : null;
        s.outcome = (mask & OUTCOME) != 0 ? text(in) : null;
        s.outcomeAt = instant(in, mask, OUTCOME_AT);
        if ((mask & OPEN_QUESTIONS) != 0) {
            for (int i = count(in); i > 0; i--) {
                s.openQuestions.put(text(in), instant(in, OPEN_QUESTIONS, OPEN_QUESTIONS));
            }
        }
        return s;
    }

    private static void instant(DataOutputStream out, int mask, int bit, Instant value) throws IOException {
        if ((mask & bit) != 0) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    private static Instant instant(DataInputStream in, int mask, int bit) throws IOException {
        if ((mask & bit) == 0) {
            return null;
        }
        long seconds = in.readLong();
        int nanos = in.readInt();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a stored alert status: an instant out of range", e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT || length > in.available()) {
            throw new IllegalArgumentException("not a stored alert status: a text of " + length + " bytes");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ENTRIES) {
            throw new IllegalArgumentException("not a stored alert status: " + n + " entries");
        }
        return n;
    }
}

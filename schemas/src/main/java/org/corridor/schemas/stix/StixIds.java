package org.corridor.schemas.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic STIX identifiers: {@code <type>--<UUIDv5>} of a name under Corridor's namespace, so the same record
 * always maps to the same id (a correction is a new version of the same {@code report}, never a new report). Names
 * are scoped by their owner ({@code <agency>/<alert id>}, {@code body/<id>}), as alert ids are. Pure.
 */
public final class StixIds {

    /** Corridor's UUIDv5 namespace for STIX ids (a random UUID fixed once; never change it). */
    public static final UUID NAMESPACE = UUID.fromString("315c8d5d-d793-4388-b3c3-5336871aa05f");

    private StixIds() {
    }

    /** {@code type--uuidv5(NAMESPACE, name)}. */
    public static String of(String type, String name) {
        return type + "--" + v5(NAMESPACE, name);
    }

    /** The UUIDv5 of a name under {@link #NAMESPACE}: the uuid part of {@link #of}, for formats that want a bare UUID. */
    public static UUID uuid(String name) {
        return v5(NAMESPACE, name);
    }

    /** The STIX id of the report of an alert, by its agency-scoped reference. */
    public static String report(String agency, UUID alertId) {
        return of("report", agency + "/" + alertId);
    }

    /** The identity of an originating agency. */
    public static String agency(String agencyId) {
        return of("identity", "agency/" + agencyId);
    }

    /** The identity of a recipient body. */
    public static String body(String bodyId) {
        return of("identity", "body/" + bodyId);
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}

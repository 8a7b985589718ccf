package org.corridor.consumer.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.corridor.support.state.StateStore;

/**
 * What this subscriber delivered to each body it serves, so that a body can acknowledge only what it was given: per
 * body and alert id, the versions each origin agency's alert was delivered in (an alert id is its agency's, another
 * agency may use the same one). Fed from the DELIVERED receipts on {@code alerts.receipts} ({@link DeadlineFollower},
 * off the delivery threads), which only the subscriber service may write, and by a re-drive ({@link Redriver}); a receipt from before receipts carried the agency counts for any
 * agency's alert with that id.
 *
 * <p>Kept in the subscriber's {@link StateStore} on disk (key {@code delivered/<body>/<alert id>}), not in the heap:
 * every delivery is remembered, and per alert and agency the latest {@value #MAX_VERSIONS} versions. Thread-safe.
 */
final class DeliveredAlerts implements AcknowledgedAlerts {

    /** Versions held per alert and agency; older ones are forgotten. */
    static final int MAX_VERSIONS = 64;

    /** What a body may acknowledge. */
    sealed interface Check {

        /** Delivered: acknowledge this version; {@code agency} is null when only receipts without it were read. */
        record Delivered(String agency, int version) implements Check {
        }

        /** No version of the alert (of that agency, if one was named) was delivered to the body, or none is held. */
        record NeverDelivered() implements Check {
        }

        /** Other versions were delivered, ascending. */
        record VersionNotDelivered(int version, List<Integer> delivered) implements Check {
        }

        /** Alerts of several agencies with this id were delivered to the body, and none was named. */
        record AgencyAmbiguous(List<String> agencies) implements Check {
        }
    }

    /** The versions of one agency's alert; {@code agency} null when the receipts did not carry it. */
    record Held(String agency, int[] versions) {

        Held with(int version) {
            if (Arrays.binarySearch(versions, version) >= 0) {
                return this;
            }
            int[] more = Arrays.copyOf(versions, versions.length + 1);
            more[versions.length] = version;
            Arrays.sort(more);
            return new Held(agency, more.length > MAX_VERSIONS ? Arrays.copyOfRange(more, 1, more.length) : more);
        }
    }

    private static final String PREFIX = "delivered/";
    private static final String ACKED = "acknowledged/";
    private final StateStore store;

    /** @param store where the deliveries are kept (key prefix {@value #PREFIX}) */
    DeliveredAlerts(StateStore store) {
        this.store = store;
    }

    private static String key(String body, UUID alertId) {
        return PREFIX + body + "/" + alertId;
    }

    /**
     * Records a delivery whose DELIVERED receipt is on the broker; recording one twice changes nothing.
     *
     * @param agency the alert's origin agency; null when the receipt did not carry it
     */
    void delivered(String body, String agency, UUID alertId, int version) {
        store.update(key(body, alertId), old -> {
            List<Held> updated = new ArrayList<>(decode(old));
            int i = 0;
            while (i < updated.size() && !Objects.equals(updated.get(i).agency(), agency)) {
                i++;
            }
            if (i < updated.size()) {
                updated.set(i, updated.get(i).with(version));
            } else {
                updated.add(new Held(agency, new int[] {version}));
            }
            return encode(updated);
        });
    }

    /**
     * Records an acknowledgement whose ACKNOWLEDGED receipt is on the broker (key {@code acknowledged/<body>/<agency>/<id>},
     * the highest version); recording one twice changes nothing.
     */
    void acknowledged(String body, String agency, UUID alertId, int version) {
        store.update(ACKED + body + "/" + agency + "/" + alertId, old -> {
            int held = old == null ? 0 : Integer.parseInt(new String(old, java.nio.charset.StandardCharsets.US_ASCII));
            return Integer.toString(Math.max(held, version)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        });
    }

    @Override
    public int acknowledged(String body, String agency, UUID alertId) {
        byte[] held = store.get(ACKED + body + "/" + agency + "/" + alertId);
        return held == null ? 0 : Integer.parseInt(new String(held, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** {@code agency:1,2;:3}: each agency's versions, the empty agency for receipts that did not carry one. */
    static byte[] encode(List<Held> held) {
        StringBuilder out = new StringBuilder();
        for (Held h : held) {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(h.agency() == null ? "" : h.agency()).append(':');
            for (int j = 0; j < h.versions().length; j++) {
                out.append(j == 0 ? "" : ",").append(h.versions()[j]);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<Held> decode(byte[] value) {
        if (value == null || value.length == 0) {
            return List.of();
        }
        List<Held> held = new ArrayList<>();
        for (String part : new String(value, StandardCharsets.UTF_8).split(";")) {
            int colon = part.lastIndexOf(':');
            String agency = part.substring(0, colon);
            int[] versions = Arrays.stream(part.substring(colon + 1).split(",")).mapToInt(Integer::parseInt).toArray();
            held.add(new Held(agency.isEmpty() ? null : agency, versions));
        }
        return held;
    }

    /**
     * Whether the body may acknowledge the alert.
     *
     * @param agency  the origin agency the body names; null: whichever agency's alert with this id it was given
     * @param version the version it acknowledges; null: the latest delivered
     */
    Check check(String body, UUID alertId, String agency, Integer version) {
        List<Held> held = decode(store.get(key(body, alertId)));
        TreeSet<String> agencies = new TreeSet<>();
        TreeSet<Integer> versions = new TreeSet<>();
        for (Held h : held) {
            if (agency == null || h.agency() == null || h.agency().equals(agency)) {
                if (h.agency() != null) {
                    agencies.add(h.agency());
                }
                Arrays.stream(h.versions()).forEach(versions::add);
            }
        }
        if (versions.isEmpty()) {
            return new Check.NeverDelivered();
        }
        if (agencies.size() > 1) {
            return new Check.AgencyAmbiguous(List.copyOf(agencies));
        }
        int acknowledged = version == null ? versions.last() : version;
        if (!versions.contains(acknowledged)) {
            return new Check.VersionNotDelivered(acknowledged, List.copyOf(versions));
        }
        // Never the agency the body named: only what the receipts say (null when they did not say).
        return new Check.Delivered(agencies.isEmpty() ? null : agencies.first(), acknowledged);
    }
}

package org.corridor.consumer.delivery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What this subscriber delivered to each body it serves, so that a body can acknowledge only what it was given: per
 * body and alert id, the versions each origin agency's alert was delivered in (an alert id is its agency's, another
 * agency may use the same one). Fed once a DELIVERED receipt is on the broker ({@link FeedListener},
 * {@link Redriver}) and from the DELIVERED receipts read back from {@code alerts.receipts} ({@link DeadlineFollower}),
 * which only the subscriber service may write; a receipt from before receipts carried the agency counts for any
 * agency's alert with that id.
 *
 * <p>Bounded: per body, the latest {@code capacity} alert ids by last delivery (the oldest delivered is forgotten
 * first), and per alert and agency the latest {@value #MAX_VERSIONS} versions. Plain Java; thread-safe.
 */
final class DeliveredAlerts {

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
    private record Held(String agency, int[] versions) {

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

    private final int capacity;
    /** Body to its alerts, least recently delivered first. */
    private final Map<String, LinkedHashMap<UUID, List<Held>>> bodies = new HashMap<>();

    /** @param capacity alert ids held per body */
    DeliveredAlerts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /**
     * Records a delivery whose DELIVERED receipt is on the broker.
     *
     * @param agency the alert's origin agency; null when the receipt did not carry it
     */
    synchronized void delivered(String body, String agency, UUID alertId, int version) {
        LinkedHashMap<UUID, List<Held>> alerts = bodies.computeIfAbsent(body, b -> new LinkedHashMap<>());
        List<Held> held = alerts.remove(alertId);
        List<Held> updated = new ArrayList<>(held == null ? List.of() : held);
        int i = 0;
        while (i < updated.size() && !java.util.Objects.equals(updated.get(i).agency(), agency)) {
            i++;
        }
        if (i < updated.size()) {
            updated.set(i, updated.get(i).with(version));
        } else {
            updated.add(new Held(agency, new int[] {version}));
        }
        alerts.put(alertId, List.copyOf(updated));
        if (alerts.size() > capacity) {
            alerts.remove(alerts.keySet().iterator().next());
        }
    }

    /**
     * Whether the body may acknowledge the alert.
     *
     * @param agency  the origin agency the body names; null: whichever agency's alert with this id it was given
     * @param version the version it acknowledges; null: the latest delivered
     */
    synchronized Check check(String body, UUID alertId, String agency, Integer version) {
        List<Held> held = bodies.getOrDefault(body, new LinkedHashMap<>()).getOrDefault(alertId, List.of());
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

    /** Alert ids held for the body. */
    synchronized int size(String body) {
        LinkedHashMap<UUID, List<Held>> alerts = bodies.get(body);
        return alerts == null ? 0 : alerts.size();
    }
}

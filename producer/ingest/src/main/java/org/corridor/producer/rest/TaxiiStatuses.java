package org.corridor.producer.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.corridor.schemas.stix.StixTime;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII status resources of the agencies' writes, kept for {@code ttl} (a day by default) and only for the agency
 * that made the request: another agency asking for the same id is told there is none. Thread-safe.
 */
final class TaxiiStatuses {

    /** The outcome of one object of a request. */
    record Detail(String id, String version, String message) {
    }

    /** One request's status, filled as its objects are decided. */
    static final class Status {
        private final String id = UUID.randomUUID().toString();
        private final String agency;
        private final Instant requested;
        private final int total;
        private final List<Detail> successes = new ArrayList<>();
        private final List<Detail> failures = new ArrayList<>();

        Status(String agency, Instant requested, int total) {
            this.agency = agency;
            this.requested = requested;
            this.total = total;
        }

        String id() {
            return id;
        }

        synchronized void succeeded(Detail d) {
            successes.add(d);
        }

        synchronized void failed(Detail d) {
            failures.add(d);
        }

        /** The TAXII status resource: {@code complete} once every object is decided, else {@code pending}. */
        synchronized ObjectNode resource() {
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            s.put("id", id);
            int pending = total - successes.size() - failures.size();
            s.put("status", pending == 0 ? "complete" : "pending");
            s.put("request_timestamp", StixTime.of(requested));
            s.put("total_count", total);
            s.put("success_count", successes.size());
            details(s.putArray("successes"), successes);
            s.put("failure_count", failures.size());
            details(s.putArray("failures"), failures);
            s.put("pending_count", pending);
            return s;
        }

        private static void details(ArrayNode out, List<Detail> details) {
            for (Detail d : details) {
                ObjectNode o = out.addObject();
                o.put("id", d.id());
                if (d.version() != null) {
                    o.put("version", d.version());
                }
                o.put("message", d.message());
            }
        }
    }

    private final Cache<String, Status> statuses;

    TaxiiStatuses(Duration ttl) {
        this.statuses = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    Status start(String agency, Instant requested, int total) {
        Status s = new Status(agency, requested, total);
        statuses.put(s.id(), s);
        return s;
    }

    /** The status of that id if this agency made the request, else null. */
    Status of(String agency, String id) {
        Status s = statuses.getIfPresent(id);
        return s != null && s.agency.equals(agency) ? s : null;
    }
}

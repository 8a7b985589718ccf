package org.corridor.bench.fanout;

import java.util.ArrayList;
import java.util.List;

/**
 * Which bodies' topics the n-th inbound record is copied to, so that the copies average the router's ratio (feed
 * records ÷ alerts, which is fractional: 4.7) without any routing: record n gets {@code floor(c·(n+1)) − floor(c·n)}
 * copies, to that many consecutive bodies starting at {@code n mod bodies}, so every body's topic gets its share.
 * Immutable and thread-safe.
 */
final class CopyPlan {

    /** Keeps a ratio such as 4.7 from flooring 4.7·10 = 46.99999… to 46. */
    private static final double EPSILON = 1e-9;

    private final double copiesPerRecord;
    private final List<String> bodies;

    /**
     * @throws IllegalArgumentException when the ratio is negative or more than one copy per body
     */
    CopyPlan(double copiesPerRecord, List<String> bodies) {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("no bodies to copy to");
        }
        if (!(copiesPerRecord >= 0 && copiesPerRecord <= bodies.size())) {
            throw new IllegalArgumentException("--copies " + copiesPerRecord + ": must be between 0 and " + bodies.size()
                    + " (at most one copy per body)");
        }
        this.copiesPerRecord = copiesPerRecord;
        this.bodies = List.copyOf(bodies);
    }

    /** Copies of the n-th record (counting from 0). */
    int copies(long n) {
        return (int) (Math.floor(copiesPerRecord * (n + 1) + EPSILON) - Math.floor(copiesPerRecord * n + EPSILON));
    }

    /** The bodies the n-th record is copied to, distinct. */
    List<String> bodiesFor(long n) {
        int k = copies(n);
        List<String> to = new ArrayList<>(k);
        int start = (int) (n % bodies.size());
        for (int i = 0; i < k; i++) {
            to.add(bodies.get((start + i) % bodies.size()));
        }
        return to;
    }

    double copiesPerRecord() {
        return copiesPerRecord;
    }
}

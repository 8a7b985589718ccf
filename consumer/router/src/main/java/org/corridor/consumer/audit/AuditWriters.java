package org.corridor.consumer.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which {@code alerts.audit} partitions this router instance may write without a second writer, and where each
 * decision goes. A decision belongs on the audit partition {@code inbound partition mod audit partitions}; an instance
 * may write audit partition {@code a} only when it holds every inbound partition that maps to {@code a}, of every
 * inbound topic it knows, and at least one. Two instances never hold the same inbound partition, so two instances that know a common
 * topic can never both pass: each audit partition has one writer and one linear chain. With the range assignor and
 * every inbound topic as wide as the audit, the instance given partition {@code p} of one topic is given {@code p} of
 * all, so the preferred partition is writable. While the instances' views differ (a topic created a moment ago, seen by
 * one instance first), a decision whose preferred partition is not writable goes to the lowest writable one; an
 * instance with none writable (inbound topics of another width than the audit, with several instances) cannot write
 * the audit at all. Immutable; pure.
 */
public final class AuditWriters {

    private final int auditPartitions;
    private final Map<Integer, String> notWritable;
    private final Set<Integer> writable;

    private AuditWriters(int auditPartitions, Map<Integer, String> notWritable, Set<Integer> writable) {
        this.auditPartitions = auditPartitions;
        this.notWritable = notWritable;
        this.writable = writable;
    }

    /**
     * @param auditPartitions the audit's partition count
     * @param topics          partition count of each inbound topic this instance knows (its subscription)
     * @param assigned        the inbound partitions assigned to this instance, by topic
     */
    public static AuditWriters of(int auditPartitions, Map<String, Integer> topics, Map<String, Set<Integer>> assigned) {
        if (auditPartitions < 1) {
            throw new IllegalArgumentException("auditPartitions: " + auditPartitions + " must be at least 1");
        }
        Map<Integer, String> notWritable = new TreeMap<>();
        Set<Integer> heldSome = new TreeSet<>();
        for (Map.Entry<String, Integer> topic : new TreeMap<>(topics).entrySet()) {
            Set<Integer> held = assigned.getOrDefault(topic.getKey(), Set.of());
            for (int p = 0; p < topic.getValue(); p++) {
                if (held.contains(p)) {
                    heldSome.add(p % auditPartitions);
                } else {
                    notWritable.putIfAbsent(p % auditPartitions, topic.getKey() + " partition " + p
                            + " maps to it and is not assigned to this instance");
                }
            }
        }
        Set<Integer> writable = new TreeSet<>();
        for (int a = 0; a < auditPartitions; a++) {
            if (!notWritable.containsKey(a) && heldSome.contains(a)) {
                // Held and complete; an audit partition nothing held maps to is another instance's to write.
                writable.add(a);
            } else {
                notWritable.putIfAbsent(a, "no inbound partition assigned to this instance maps to it");
            }
        }
        return new AuditWriters(auditPartitions, notWritable, writable);
    }

    /**
     * What keeps several router instances from having one writer per audit partition: inbound topics of different
     * partition counts, or wider than the audit. Empty when every inbound topic has the same count, at most the
     * audit's; with one instance nothing of it matters (it holds every partition).
     */
    public static List<String> widthProblems(int auditPartitions, Map<String, Integer> topics) {
        Map<Integer, List<String>> byWidth = new TreeMap<>();
        new TreeMap<>(topics).forEach((topic, width) -> byWidth.computeIfAbsent(width, w -> new ArrayList<>()).add(topic));
        List<String> problems = new ArrayList<>();
        if (byWidth.size() > 1) {
            // Name the odd ones out, not every topic: there is one per agency.
            int usual = byWidth.entrySet().stream().max((x, y) -> Integer.compare(x.getValue().size(), y.getValue().size()))
                    .orElseThrow().getKey();
            List<String> others = new ArrayList<>();
            byWidth.forEach((width, names) -> {
                if (width != usual) {
                    names.forEach(name -> others.add(name + " has " + width));
                }
            });
            problems.add("inbound topics have different partition counts: " + String.join(", ", others)
                    + "; the other " + byWidth.get(usual).size() + " have " + usual);
        }
        byWidth.forEach((width, names) -> {
            if (width > auditPartitions) {
                problems.add(String.join(", ", names) + " have " + width + " partitions, more than alerts.audit's "
                        + auditPartitions);
            }
        });
        return problems;
    }

    /** The audit partition where a decision on a record of this inbound partition belongs. */
    public int preferred(int inboundPartition) {
        return inboundPartition % auditPartitions;
    }

    /**
     * Where this instance writes the decision on a record of the inbound partition: the preferred audit partition
     * when it may write it, else the lowest one it may write.
     *
     * @throws AuditNotOwnedException when it may write none
     */
    public int target(int inboundPartition) {
        int preferred = preferred(inboundPartition);
        if (writable.contains(preferred)) {
            return preferred;
        }
        if (writable.isEmpty()) {
            throw new AuditNotOwnedException("this router instance may write no alerts.audit partition alone (alerts.audit"
                    + " partition " + preferred + ": " + notWritable.get(preferred) + "); with several instances every"
                    + " inbound topic needs the same partition count, at most the audit's " + auditPartitions);
        }
        return writable.iterator().next();
    }

    /** Whether this instance alone may write the audit partition. */
    public boolean mayWrite(int auditPartition) {
        return writable.contains(auditPartition);
    }

    /** Why this instance may not write the audit partition, null when it may. */
    public String whyNot(int auditPartition) {
        return notWritable.get(auditPartition);
    }

    /** The audit's partition count. */
    public int auditPartitions() {
        return auditPartitions;
    }
}

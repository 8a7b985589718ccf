package org.corridor.consumer.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.corridor.consumer.policy.Markings;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;

/**
 * Markings never widen silently: a version is released under the strictest of its own markings and those of the
 * versions before it, unless it says that it relaxes them ({@code handling.relaxes}). Field by field:
 * <ul>
 *   <li>{@code tlp}: the highest, in the order CLEAR &lt; GREEN &lt; AMBER &lt; AMBER_STRICT &lt; RED;</li>
 *   <li>{@code handlingCode}: the strictest, in the order H0 &lt; H1 &lt; H3 &lt; H2 (H2 forbids any dissemination
 *       beyond the addressees); the H3 restriction text is the version's own, or else the earlier one;</li>
 *   <li>{@code notReleasableTo}: the union;</li>
 *   <li>{@code releasableTo}: "no list" is the widest; a version without a list keeps the earlier list, a version with
 *       one gets the intersection (which may be nobody);</li>
 *   <li>{@code addressedTo}: addressing widens (an addressee receives even RED and H2), so a version without addressees
 *       keeps the earlier ones, and a version with addressees gets the intersection;</li>
 * </ul>
 * then excluded bodies leave both lists, and addressees outside a releasable list leave {@code addressedTo}. A relaxing
 * version is released under its own markings, and the markings it widened are reported. Pure and thread-safe.
 */
public final class MarkingInheritance {

    public static final String TLP = "tlp";
    public static final String HANDLING_CODE = "handlingCode";
    public static final String ADDRESSED_TO = "addressedTo";
    public static final String RELEASABLE_TO = "releasableTo";
    public static final String NOT_RELEASABLE_TO = "notReleasableTo";

    private MarkingInheritance() {
    }

    /**
     * @param effective the markings to release the version under
     * @param inherited markings taken from earlier versions because the version's own were wider (empty when relaxing)
     * @param relaxed   markings the version explicitly widened (empty unless relaxing)
     */
    public record Result(Markings effective, List<String> inherited, List<String> relaxed) {
    }

    /**
     * @param earlier  the strictest markings of the earlier versions, or null for a first version
     * @param declared the version's own markings
     * @param relaxes  whether the version explicitly relaxes the earlier markings
     */
    public static Result apply(Markings earlier, Markings declared, boolean relaxes) {
        Objects.requireNonNull(declared, "declared");
        if (earlier == null) {
            return new Result(declared, List.of(), List.of());
        }
        Markings strictest = strictest(earlier, declared);
        List<String> wider = differences(strictest, declared);
        return relaxes ? new Result(declared, List.of(), wider) : new Result(strictest, wider, List.of());
    }

    /** The strictest of two sets of markings, as described above. */
    public static Markings strictest(Markings earlier, Markings declared) {
        Tlp tlp = declared.tlp().compareTo(earlier.tlp()) >= 0 ? declared.tlp() : earlier.tlp();
        HandlingCode code = rank(declared.handlingCode()) >= rank(earlier.handlingCode()) ? declared.handlingCode()
                : earlier.handlingCode();
        String restriction = declared.handlingRestriction() != null && !declared.handlingRestriction().isBlank()
                ? declared.handlingRestriction() : earlier.handlingRestriction();
        SortedSet<String> excluded = new TreeSet<>(earlier.notReleasableTo());
        excluded.addAll(declared.notReleasableTo());
        SortedSet<String> releasable = narrower(earlier.releasableTo(), declared.releasableTo());
        if (releasable != null) {
            releasable.removeAll(excluded);
        }
        SortedSet<String> addressed = declared.addressedTo().isEmpty() ? new TreeSet<>(earlier.addressedTo())
                : intersection(earlier.addressedTo(), declared.addressedTo());
        addressed.removeAll(excluded);
        if (releasable != null) {
            addressed.retainAll(releasable);
        }
        return new Markings(tlp, code, restriction, addressed, releasable, excluded);
    }

    private static SortedSet<String> narrower(SortedSet<String> earlier, SortedSet<String> declared) {
        if (earlier == null) {
            return declared == null ? null : new TreeSet<>(declared);
        }
        return declared == null ? new TreeSet<>(earlier) : intersection(earlier, declared);
    }

    private static SortedSet<String> intersection(SortedSet<String> a, SortedSet<String> b) {
        SortedSet<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    /** H0 &lt; H1 &lt; H3 &lt; H2. */
    static int rank(HandlingCode code) {
        switch (code) {
            case H0:
                return 0;
            case H1:
                return 1;
            case H3:
                return 2;
            case H2:
                return 3;
            default:
                throw new IllegalArgumentException("unknown handling code " + code);
        }
    }

    private static List<String> differences(Markings strict, Markings declared) {
        List<String> wider = new ArrayList<>();
        if (strict.tlp() != declared.tlp()) {
            wider.add(TLP);
        }
        if (strict.handlingCode() != declared.handlingCode()) {
            wider.add(HANDLING_CODE);
        }
        if (!strict.addressedTo().equals(declared.addressedTo())) {
            wider.add(ADDRESSED_TO);
        }
        if (!Objects.equals(strict.releasableTo(), declared.releasableTo())) {
            wider.add(RELEASABLE_TO);
        }
        if (!strict.notReleasableTo().equals(declared.notReleasableTo())) {
            wider.add(NOT_RELEASABLE_TO);
        }
        return List.copyOf(wider);
    }
}

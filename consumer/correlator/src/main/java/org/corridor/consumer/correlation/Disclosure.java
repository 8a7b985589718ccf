package org.corridor.consumer.correlation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.reference.ReferenceData;

/**
 * Who may learn of a link, so that nothing leaks through it. Rules:
 * <ul>
 * <li>the <b>hit</b> (both alerts, the keys, the score) goes only to the bodies that received both versions: they
 * hold both already, so it tells them nothing they may not know;</li>
 * <li>each originator may get a <b>blind notice</b>: only its own alert and the bodies it can ask through (those that
 * hold both), nothing of the other report. Even so it tells the agency that the other report exists, so it is
 * withheld, with the reason, when the other alert is TLP:RED ({@code RED}: named recipients only) or TLP:AMBER+STRICT
 * ({@code AMBER_STRICT}: the recipient organisation only), H2 ({@code H2}: no dissemination without the provider's
 * permission) or H3 ({@code H3}: restrictions in free text that no program can check, so the strict reading); when the
 * other alert's {@code notReleasableTo} names a body the agency's country is a member of, or its {@code releasableTo}
 * list names no body the agency's country is a member of (an empty list names none) ({@code NOT_RELEASABLE}); or when no body holds both
 * ({@code NO_COMMON_BODY}).</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class Disclosure {

    /** A blind notice to an originator about its own alert. */
    public record Notice(String agency, String alert, SortedSet<String> askThrough) {
    }

    /**
     * @param hitTo    the bodies that get the hit
     * @param notices  the originators' blind notices
     * @param withheld the notices not sent, as {@code <agency>: <reason>}
     */
    public record Plan(SortedSet<String> hitTo, List<Notice> notices, List<String> withheld) {
    }

    private final ReferenceData reference;

    public Disclosure(ReferenceData reference) {
        this.reference = reference;
    }

    public Plan of(Report a, Report b, LocalDate on) {
        SortedSet<String> both = new TreeSet<>(a.released().recipients());
        both.retainAll(b.released().recipients());
        List<Notice> notices = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        notice(a, b, both, on, notices, withheld);
        notice(b, a, both, on, notices, withheld);
        return new Plan(both, List.copyOf(notices), List.copyOf(withheld));
    }

    /** The notice to {@code to}'s originator about {@code other}, under {@code other}'s markings. */
    private void notice(Report to, Report other, SortedSet<String> both, LocalDate on, List<Notice> notices, List<String> withheld) {
        String reason = reason(to, other, both, on);
        if (reason == null) {
            notices.add(new Notice(to.agency(), to.ref(), new TreeSet<>(both)));
        } else {
            withheld.add(to.agency() + ": " + reason);
        }
    }

    private String reason(Report to, Report other, SortedSet<String> both, LocalDate on) {
        Report.Released m = other.released();
        if (m.tlp() == Tlp.RED || m.tlp() == Tlp.AMBER_STRICT) {
            return m.tlp().name();
        }
        if (m.handlingCode() == HandlingCode.H2 || m.handlingCode() == HandlingCode.H3) {
            return m.handlingCode().name();
        }
        for (String body : m.notReleasableTo()) {
            if (reference.isMember(body, to.agencyCountry(), on)) {
                return "NOT_RELEASABLE";
            }
        }
        if (m.releasableTo() != null && m.releasableTo().stream().noneMatch(b -> reference.isMember(b, to.agencyCountry(), on))) {
            return "NOT_RELEASABLE";
        }
        return both.isEmpty() ? "NO_COMMON_BODY" : null;
    }
}

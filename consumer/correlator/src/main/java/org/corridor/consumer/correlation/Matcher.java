package org.corridor.consumer.correlation;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two reports concern the same shipment or event. Rules, in order:
 * <ol>
 * <li>reports of one agency are never linked (it knows its own), nor a retraction;</li>
 * <li>a shared exact identifier links them: {@link Link.Kind#EXACT}, score 1;</li>
 * <li>otherwise an event match needs a shared substance (the same CAS number when both give one, or else the same
 * category and normalised name), events
 * at most {@code windowDays} apart, and at least one shared route country. Its score weighs the best shared
 * substance's quantity agreement (0.40; 1 for equal amounts down to 0.5 at the tolerance, 0 beyond it, 0.5 when an
 * amount is missing or in another dimension), the route overlap (0.40; shared countries over the shorter route, so a
 * transit country one report left out costs little) and the date (0.20; 1 on the same day, falling over the window).
 * Amounts beyond the tolerance in every shared substance rule the link out whatever the rest.</li>
 * </ol>
 * Pure and thread-safe.
 */
public final class Matcher {

    private static final double W_QUANTITY = 0.40;
    private static final double W_ROUTE = 0.40;
    private static final double W_DATE = 0.20;
    private static final double UNKNOWN_QUANTITY = 0.5;

    private final MatchSettings settings;

    public Matcher(MatchSettings settings) {
        this.settings = settings;
    }

    /** The link of two reports, or none. */
    public Optional<Link> compare(Report a, Report b) {
        return verdict(a, b).link();
    }

    /**
     * The link and, when there is none, the first rule that ruled it out. The reason's text is only written when
     * asked for: the correlator compares many pairs and says why only of those it withdraws.
     */
    public static final class Verdict {

        private final Optional<Link> link;
        private final java.util.function.Supplier<String> why;

        private Verdict(Optional<Link> link, java.util.function.Supplier<String> why) {
            this.link = link;
            this.why = why;
        }

        static Verdict linked(Link link) {
            return new Verdict(Optional.of(link), () -> null);
        }

        static Verdict no(String reason) {
            return new Verdict(Optional.empty(), () -> reason);
        }

        static Verdict no(java.util.function.Supplier<String> reason) {
            return new Verdict(Optional.empty(), reason);
        }

        /** The link, or empty. */
        public Optional<Link> link() {
            return link;
        }

        /** Why there is none (null when linked). */
        public String reason() {
            return why.get();
        }

        @Override
        public String toString() {
            return link.map(Link::toString).orElseGet(this::reason);
        }
    }

    /** As {@link #compare}, saying why two reports are not linked. */
    public Verdict verdict(Report a, Report b) {
        if (a.agency().equals(b.agency())) {
            return Verdict.no(() -> "both are reports of " + a.agency() + ", which knows its own");
        }
        if (a.retracted() || b.retracted()) {
            return Verdict.no("a retracted alert is linked to nothing");
        }
        Set<String> sharedKeys = new TreeSet<>(a.keys());
        sharedKeys.retainAll(b.keys());
        if (!sharedKeys.isEmpty()) {
            return Verdict.linked(new Link(Link.Kind.EXACT, 1.0, List.copyOf(sharedKeys)));
        }
        long days = Math.abs(ChronoUnit.DAYS.between(a.occurredOn(), b.occurredOn()));
        if (days > settings.windowDays()) {
            return Verdict.no(() -> "no identifier in common, and the events are " + days + " days apart (at most "
                    + settings.windowDays() + ")");
        }
        Set<String> countries = new TreeSet<>(a.countries());
        countries.retainAll(b.countries());
        if (countries.isEmpty()) {
            return Verdict.no("no identifier in common, and no route country in common");
        }
        String substance = null;
        double quantity = -1;
        double difference = Double.NaN;
        double smallest = Double.NaN;
        for (Report.Amount x : a.substances()) {
            for (Report.Amount y : b.substances()) {
                String shared = x.sharedWith(y);
                if (shared == null) {
                    continue;
                }
                double rel = relativeDifference(x.amount(), y.amount());
                double q = agreement(rel);
                if (!Double.isNaN(rel) && (Double.isNaN(smallest) || rel < smallest)) {
                    smallest = rel;
                }
                // The best agreement; ties go to the smaller substance key, then the smaller known difference, so
                // verdict(a, b) and verdict(b, a) name the same keys.
                if (q > quantity || q == quantity && (shared.compareTo(substance) < 0
                        || shared.equals(substance) && better(rel, difference))) {
                    quantity = q;
                    substance = shared;
                    difference = rel;
                }
            }
        }
        if (substance == null) {
            return Verdict.no("no identifier in common, and no substance in common");
        }
        if (quantity == 0) {
            double differ = smallest;
            return Verdict.no(() -> String.format(Locale.ROOT, "no identifier in common, and the quantities differ by %.0f %% (at most %.0f %%)",
                    differ * 100, settings.quantityTolerance() * 100));
        }
        double route = (double) countries.size() / Math.min(a.countries().size(), b.countries().size());
        double score = Math.round(eventScore(quantity, route, days) * 1000) / 1000.0;
        if (score < settings.threshold()) {
            return Verdict.no(() -> String.format(Locale.ROOT, "no identifier in common, and the event score %.3f is below %.2f",
                    score, settings.threshold()));
        }
        List<String> keys = new ArrayList<>();
        keys.add("substance:" + substance);
        keys.add(Double.isNaN(difference) ? "quantity:unknown" : "quantity:" + Math.round(difference * 100) + "%");
        keys.add("countries:" + String.join(",", countries));
        keys.add("days:" + days);
        return Verdict.linked(new Link(Link.Kind.EVENT, score, keys));
    }

    /**
     * Whether two reports filed under one event key could be linked as one event, from their footprints under that key
     * alone: false only when no event link is possible through that key's substance, because the events are too far
     * apart, share no route country, or their best score (this substance's best quantity agreement, the route and the
     * date exactly as {@link #verdict} weighs them) is below the threshold. An upper bound: {@link #verdict} may still
     * say no (the two amounts are another substance by their CAS numbers), never yes when this says no for every event
     * key the two share. Cheap (no strings built, no sets): the correlator asks it of every report a key holds.
     */
    public boolean mayLinkByEvent(Footprint a, Footprint b) {
        long days = Math.abs(a.day() - b.day());
        if (days > settings.windowDays()) {
            return false;
        }
        int shared = a.sharedCountries(b);
        if (shared == 0) {
            return false;
        }
        // No amount entry at all (not a footprint of the key's substance): nothing rules the best agreement out.
        double quantity = a.amounts().isEmpty() || b.amounts().isEmpty() ? 1 : 0;
        for (Quantities.Measure x : a.amounts()) {
            for (Quantities.Measure y : b.amounts()) {
                quantity = Math.max(quantity, agreement(relativeDifference(x, y)));
            }
        }
        if (quantity == 0) {
            return false;
        }
        double route = (double) shared / Math.min(a.countries().size(), b.countries().size());
        // verdict rounds the score to three places before comparing it: half a thousandth more may still pass.
        return eventScore(quantity, route, days) + 0.0005 + 1e-9 >= settings.threshold();
    }

    /** How two amounts differ relatively; NaN when either is unknown or they measure different things. */
    private static double relativeDifference(Quantities.Measure x, Quantities.Measure y) {
        return x == null || y == null ? Double.NaN : Quantities.relativeDifference(x, y);
    }

    /** The quantity part of the score: 1 for equal amounts, 0.5 at the tolerance, 0 beyond it, 0.5 when unknown. */
    private double agreement(double rel) {
        return Double.isNaN(rel) ? UNKNOWN_QUANTITY
                : rel > settings.quantityTolerance() ? 0 : 1 - 0.5 * rel / settings.quantityTolerance();
    }

    /** The event score, unrounded. */
    private double eventScore(double quantity, double route, long days) {
        double date = 1 - (double) days / (settings.windowDays() + 1.0);
        return W_QUANTITY * quantity + W_ROUTE * route + W_DATE * date;
    }

    /** Whether a known difference {@code rel} is better than {@code than} (NaN: unknown, the worst). */
    private static boolean better(double rel, double than) {
        return !Double.isNaN(rel) && (Double.isNaN(than) || rel < than);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Matcher[window %d days, quantity ±%.0f%%, threshold %.2f]", settings.windowDays(),
                settings.quantityTolerance() * 100, settings.threshold());
    }
}

package org.corridor.consumer.decision;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.Markings;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.ResponseValidator;
import org.corridor.schemas.validation.Violation;

/**
 * The route-or-dead-letter decision for one response record, as plain Java. In order: the value must have decoded to
 * a response; it must be valid; its {@code responder} must be the party whose topic carried it (else SPOOFED); the
 * record key must be {@code <alertAgency>/<alertId>} (else INVALID). Then, against the alert id's {@link History}: the
 * alert must be that agency's and the version one the exchange routed, and the responder a body that received that
 * version or the originating agency; anyone else is NOT_ENTITLED. A response whose releasable list and the version's
 * have no body in common is INVALID: it could be released to nobody.
 * <p>
 * Where it goes. The response's markings are narrowed to the version's, and to those of the latest version (the
 * originator may have restricted the alert since), wherever they were wider ({@link MarkingInheritance#strictest}),
 * and its addressees are only ever recipients of the version. The originating
 * agency gets every response. A body's response reaches the other recipients of the version only when it is shared
 * ({@code shareWithRecipients}); the agency's reaches the bodies it addresses and, shared, the others. Every body it
 * reaches is a recipient of the version that the {@link ReleasePolicy} releases the response to under those
 * markings: a response never reaches a party that did not receive the version, and never widens what the
 * originator released. Pure and thread-safe.
 */
public final class ResponseTriage {

    /** The pseudo rule of a body that gets a response because it received the version. */
    public static final String RECEIVED_VERSION = "received-version";

    private final ResponseValidator validator;
    private final ReleasePolicy policy;

    public ResponseTriage(ResponseValidator validator, ReleasePolicy policy) {
        this.validator = validator;
        this.policy = policy;
    }

    /** The record key of a response to an alert: {@code <alertAgency>/<alertId>}. */
    public static String key(String alertAgency, String alertId) {
        return alertAgency + "/" + alertId;
    }

    /**
     * @param party   the party whose responses topic carried the record
     * @param key     the record key, possibly null
     * @param history what the router knows of the alert id the response names ({@link History#NONE} when nothing)
     */
    public ResponseOutcome decide(Topics.Party party, String key, Decoded decoded, History history) {
        if (decoded instanceof Decoded.Failed f) {
            return new DeadLetter(f.code(), f.reason());
        }
        if (!(decoded instanceof Decoded.Response r)) {
            return new DeadLetter(DeadLetter.UNDECODABLE, "empty record value (tombstone)");
        }
        AlertResponse response = r.response();
        List<Violation> violations = validator.validate(response);
        if (!violations.isEmpty()) {
            return new DeadLetter(DeadLetter.INVALID, violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
        boolean fromBody = response.getResponder().getKind() == ResponderKind.BODY;
        String responder = response.getResponder().getId();
        if (fromBody != party.body() || !responder.equals(party.id())) {
            return new DeadLetter(DeadLetter.SPOOFED, "responder " + response.getResponder().getKind() + " \"" + responder
                    + "\" is not the topic's " + party);
        }
        String agency = response.getAlertAgency();
        String alertId = response.getAlertId().toString();
        if (key == null || !key.equals(key(agency, alertId))) {
            return new DeadLetter(DeadLetter.INVALID, "record key \"" + key + "\" is not " + key(agency, alertId));
        }
        if (history.owner() == null || !history.owner().equals(agency)) {
            return new DeadLetter(DeadLetter.NOT_ENTITLED, "no alert " + alertId + " of agency \"" + agency
                    + "\" was routed");
        }
        int v = response.getAlertVersion();
        Released version = history.released(v);
        if (version == null) {
            return new DeadLetter(DeadLetter.NOT_ENTITLED, "version " + v + " of alert " + alertId
                    + " was not routed (the highest routed is " + history.version() + ")");
        }
        if (fromBody && !version.recipients().contains(responder)) {
            return new DeadLetter(DeadLetter.NOT_ENTITLED, responder + " did not receive version " + v + " of alert "
                    + alertId + ": only its recipients and its originating agency may respond to it");
        }
        if (!fromBody && !responder.equals(agency)) {
            return new DeadLetter(DeadLetter.NOT_ENTITLED, "agency \"" + responder + "\" is not the originator of alert "
                    + alertId + "; only \"" + agency + "\" and the recipients of the version may respond to it");
        }
        try {
            // The originator's later versions may have restricted the alert since: a response obeys those too.
            Markings latest = history.markings() == null ? version.markings() : history.markings();
            return route(response, party, version, latest);
        } catch (RuntimeException bug) {
            return new DeadLetter(DeadLetter.ROUTING_FAILED, "the response's routing decision failed: " + bug);
        }
    }

    private ResponseOutcome route(AlertResponse response, Topics.Party party, Released version, Markings latest) {
        MarkingInheritance.Result markings = narrowed(version, latest, Markings.of(response.getHandling()));
        if (markings.effective().releasableTo() != null && markings.effective().releasableTo().isEmpty()) {
            // Its handling could not even say so: an empty list means "no list" to every reader.
            return new DeadLetter(DeadLetter.INVALID, "handling.releasableTo: " + response.getHandling().getReleasableTo()
                    + " and the releasable list of version " + response.getAlertVersion() + " "
                    + version.markings().releasableTo() + " have no body in common: the response could be released to none");
        }
        SortedSet<String> candidates = new TreeSet<>(version.recipients());
        if (party.body()) {
            candidates.remove(party.id());
        }
        SortedMap<String, Set<String>> concerned = new TreeMap<>();
        if (response.getShareWithRecipients()) {
            candidates.forEach(body -> concerned.put(body, Set.of(RECEIVED_VERSION)));
        }
        // Only a shared response concerns the other recipients; an unshared one reaches the agency's addressees at
        // most (a body's addressees leave with its unshared response: it goes to the originator alone).
        Markings effective = markings.effective();
        if (party.body() && !response.getShareWithRecipients()) {
            effective = withAddressees(effective, new TreeSet<>());
        }
        Decision decision = policy.decide(effective, concerned, candidates);
        SortedSet<String> reached = new TreeSet<>(decision.recipients());
        reached.retainAll(candidates);
        Decision bounded = new Decision(reached, decision.withheld(), decision.matchedRules());
        return new ResponseOutcome.Routed(response, party, version, markings, bounded);
    }

    /**
     * The response's markings narrowed to the version's and to the latest version's (a later version may have
     * restricted the alert since): {@link MarkingInheritance#strictest} of all three, except that the addressees are
     * the response's own among the version's recipients (an addressee of a response is a party it is for; it widens
     * nothing, since the body already holds the version), less any the markings exclude, and under TLP:RED or H2 only
     * those the alert's own markings address; an H3 restriction keeps the alert's text and adds the response's.
     */
    static MarkingInheritance.Result narrowed(Released version, Markings latest, Markings declared) {
        Markings alert = MarkingInheritance.strictest(version.markings(), latest);
        Markings strict = MarkingInheritance.strictest(alert, declared);
        SortedSet<String> addressed = new TreeSet<>(declared.addressedTo());
        addressed.retainAll(version.recipients());
        addressed.removeAll(strict.notReleasableTo());
        if (strict.releasableTo() != null) {
            addressed.retainAll(strict.releasableTo());
        }
        if (alert.tlp() == Tlp.RED || alert.handlingCode() == HandlingCode.H2) {
            addressed.retainAll(alert.addressedTo());
        }
        Markings effective = new Markings(strict.tlp(), strict.handlingCode(),
                restriction(alert.handlingRestriction(), declared.handlingRestriction()), addressed, strict.releasableTo(),
                strict.notReleasableTo());
        List<String> inherited = MarkingInheritance.apply(alert, declared, false).inherited().stream()
                .filter(field -> !field.equals(MarkingInheritance.ADDRESSED_TO)).toList();
        return new MarkingInheritance.Result(effective, inherited, List.of());
    }

    /** The alert's H3 text, and the response's after it when it says more: a response never replaces the originator's. */
    private static String restriction(String alert, String declared) {
        boolean hasAlert = alert != null && !alert.isBlank();
        boolean hasDeclared = declared != null && !declared.isBlank();
        if (hasAlert && hasDeclared && !alert.equals(declared)) {
            return alert + "; " + declared;
        }
        return hasAlert ? alert : hasDeclared ? declared : null;
    }

    private static Markings withAddressees(Markings m, SortedSet<String> addressed) {
        return new Markings(m.tlp(), m.handlingCode(), m.handlingRestriction(), addressed, m.releasableTo(), m.notReleasableTo());
    }
}

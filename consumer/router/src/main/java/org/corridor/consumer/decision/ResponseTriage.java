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
import org.corridor.schemas.avro.ResponderKind;
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
 * Where it goes. The response's markings are narrowed to the version's wherever they were wider
 * ({@link MarkingInheritance#strictest}), and its addressees are only ever recipients of the version. The originating
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
            return route(response, party, version);
        } catch (RuntimeException bug) {
            return new DeadLetter(DeadLetter.ROUTING_FAILED, "the response's routing decision failed: " + bug);
        }
    }

    private ResponseOutcome route(AlertResponse response, Topics.Party party, Released version) {
        MarkingInheritance.Result markings = narrowed(version, Markings.of(response.getHandling()));
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
     * The response's markings narrowed to the version's: {@link MarkingInheritance#strictest} of both, except that
     * the addressees are the response's own among the version's recipients (an addressee of a response is a party it
     * is for; it widens nothing, since the body already holds the version), less any the markings exclude.
     */
    static MarkingInheritance.Result narrowed(Released version, Markings declared) {
        Markings strict = MarkingInheritance.strictest(version.markings(), declared);
        SortedSet<String> addressed = new TreeSet<>(declared.addressedTo());
        addressed.retainAll(version.recipients());
        addressed.removeAll(strict.notReleasableTo());
        if (strict.releasableTo() != null) {
            addressed.retainAll(strict.releasableTo());
        }
        Markings effective = withAddressees(strict, addressed);
        List<String> inherited = MarkingInheritance.apply(version.markings(), declared, false).inherited().stream()
                .filter(field -> !field.equals(MarkingInheritance.ADDRESSED_TO)).toList();
        return new MarkingInheritance.Result(effective, inherited, List.of());
    }

    private static Markings withAddressees(Markings m, SortedSet<String> addressed) {
        return new Markings(m.tlp(), m.handlingCode(), m.handlingRestriction(), addressed, m.releasableTo(), m.notReleasableTo());
    }
}

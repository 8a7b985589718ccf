package org.corridor.consumer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.corridor.consumer.policy.Markings;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.schemas.SampleResponses;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Responder;
import org.corridor.schemas.avro.ResponderKind;
import org.corridor.schemas.avro.ResponseKind;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.schemas.topics.Topics;
import org.corridor.schemas.validation.ResponseValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the return channel's routing over 2,000 generated cases each (seeded: a failure names the seed that
 * reproduces it). Each case is an alert routed in up to three versions under random markings to random recipients,
 * and a response from a random party (a recipient of some version or of none, the originator or another agency) to a
 * random version, under random markings, shared or not:
 * <ul>
 *   <li>a response never reaches a party that did not receive the version (and only its recipients and the
 *       originator may respond at all);</li>
 *   <li>a response's effective markings never widen the version's;</li>
 *   <li>sharing never adds a party that the response's own markings exclude.</li>
 * </ul>
 */
class ResponseTriagePropertiesTest {

    private static final List<String> BODIES = List.copyOf(ReferenceData.defaults().bodyIds());
    private static final String AGENCY = "tj-drug-control";
    private static final ResponseTriage TRIAGE = new ResponseTriage(ResponseValidator.withDefaults(), new ReleasePolicy());

    record Case(long seed, History history, Topics.Party party, AlertResponse response) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + party + " on version " + response.getAlertVersion()
                    + (response.getShareWithRecipients() ? ", shared" : "");
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 2_000);
    }

    static Case generate(long seed) {
        Random r = new Random(seed * 104_729 + 17);
        History history = History.NONE;
        int versions = 1 + r.nextInt(3);
        for (int v = 1; v <= versions; v++) {
            Markings m = Markings.of(handling(r));
            history = history.next(AGENCY, v, v == 1 ? m : MarkingInheritance.strictest(history.markings(), m), subset(r, 0.35));
        }
        int version = 1 + r.nextInt(versions + 1); // sometimes a version never routed
        Released routed = history.released(version);
        List<String> recipients = routed == null ? List.of() : List.copyOf(routed.recipients());
        Topics.Party party = switch (r.nextInt(8)) {
            case 0 -> new Topics.Party(false, AGENCY);
            case 1 -> new Topics.Party(false, "kz-customs");
            case 2 -> new Topics.Party(true, BODIES.get(r.nextInt(BODIES.size())));
            // Most bodies are recipients of the version, so most cases are routed and every property is exercised.
            default -> new Topics.Party(true, recipients.isEmpty() ? BODIES.get(r.nextInt(BODIES.size()))
                    : recipients.get(r.nextInt(recipients.size())));
        };
        // Every kind a party may send: a body's outcome or question, the agency's answer.
        AlertResponse.Builder b = !party.body() ? SampleResponses.agencyAnswer()
                : r.nextBoolean() ? SampleResponses.unodcSeizedOutcome() : SampleResponses.cariccQuestion();
        AlertResponse response = b.setResponder(new Responder(party.body() ? ResponderKind.BODY : ResponderKind.AGENCY, party.id()))
                .setAlertVersion(version)
                .setHandling(handling(r))
                .setShareWithRecipients(r.nextBoolean())
                .build();
        return new Case(seed, history, party, response);
    }

    /** Random markings that follow the contract's rules (a response with invalid ones never gets this far). */
    private static Handling handling(Random r) {
        List<String> excluded = subset(r, 0.1);
        List<String> releasable = r.nextInt(3) == 0 ? subset(r, 0.5) : new ArrayList<>();
        releasable.removeAll(excluded);
        List<String> addressed = subset(r, 0.15);
        addressed.removeAll(excluded);
        if (!releasable.isEmpty()) {
            addressed.retainAll(releasable);
        }
        Tlp tlp = Tlp.values()[r.nextInt(5)];
        if (tlp == Tlp.RED && addressed.isEmpty()) {
            List<String> allowed = new ArrayList<>(releasable.isEmpty() ? BODIES : releasable);
            allowed.removeAll(excluded);
            addressed.add(allowed.get(r.nextInt(allowed.size())));
        }
        return new Handling(tlp, HandlingCode.values()[r.nextInt(4)], "restriction", addressed, releasable, excluded, false);
    }

    private static List<String> subset(Random r, double p) {
        List<String> picked = new ArrayList<>();
        for (String b : BODIES) {
            if (r.nextDouble() < p) {
                picked.add(b);
            }
        }
        return picked;
    }

    private static ResponseOutcome decide(Case c) {
        AlertResponse resp = c.response();
        return TRIAGE.decide(c.party(), ResponseTriage.key(resp.getAlertAgency(), resp.getAlertId().toString()),
                new Decoded.Response(resp), c.history());
    }

    /** The properties below return early on refused cases: this keeps many of the 2,000 cases routed, of every kind. */
    @org.junit.jupiter.api.Test
    void mostCasesAreRoutedSoThePropertiesAreCheckedOnThem() {
        java.util.Map<String, Integer> routed = new java.util.TreeMap<>();
        int shared = 0;
        for (long seed : seeds().toArray()) {
            Case c = generate(seed);
            if (decide(c) instanceof ResponseOutcome.Routed out) {
                routed.merge(c.response().getKind().name(), 1, Integer::sum);
                shared += c.response().getShareWithRecipients() && !out.bodies().isEmpty() ? 1 : 0;
            }
        }
        System.out.println("ResponseTriagePropertiesTest: routed by kind " + routed + ", shared with other bodies " + shared);
        assertThat(routed.values().stream().mapToInt(Integer::intValue).sum()).as("routed of 2,000").isGreaterThanOrEqualTo(800);
        assertThat(routed.keySet()).containsExactlyInAnyOrder("ANSWER", "OUTCOME", "QUESTION");
        assertThat(shared).as("routed and shared with other bodies").isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aResponseNeverReachesAPartyThatDidNotReceiveTheVersion(long seed) {
        Case c = generate(seed);
        ResponseOutcome out = decide(c);
        Released version = c.history().released(c.response().getAlertVersion());
        boolean entitled = version != null && (c.party().body() ? version.recipients().contains(c.party().id())
                : c.party().id().equals(AGENCY));
        if (entitled && out instanceof DeadLetter d && d.code().equals(DeadLetter.INVALID)) {
            // The one refusal of an entitled party: markings that leave the response releasable to nobody.
            assertThat(d.reason()).as("%s", c).startsWith("handling.releasableTo: ").endsWith("could be released to none");
            return;
        }
        assertThat(out instanceof ResponseOutcome.Routed).as("%s: entitled", c).isEqualTo(entitled);
        if (out instanceof ResponseOutcome.Routed routed) {
            assertThat(version.recipients()).as("%s", c).containsAll(routed.bodies());
            assertThat(routed.bodies()).as("%s: never back to the responder as a share", c).doesNotContain(c.party().id());
            assertThat(routed.originAgency()).isEqualTo(AGENCY);
        } else {
            assertThat(((DeadLetter) out).code()).as("%s", c).isEqualTo(DeadLetter.NOT_ENTITLED);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aResponsesMarkingsNeverWidenTheVersions(long seed) {
        Case c = generate(seed);
        if (!(decide(c) instanceof ResponseOutcome.Routed routed)) {
            return;
        }
        Markings version = c.history().released(c.response().getAlertVersion()).markings();
        Markings effective = routed.markings().effective();
        assertThat(effective.tlp().compareTo(version.tlp())).as("%s: tlp", c).isGreaterThanOrEqualTo(0);
        assertThat(MarkingInheritance.rank(effective.handlingCode())).as("%s: handling code", c)
                .isGreaterThanOrEqualTo(MarkingInheritance.rank(version.handlingCode()));
        assertThat(effective.notReleasableTo()).as("%s: exclusions", c).containsAll(version.notReleasableTo());
        if (version.releasableTo() != null) {
            assertThat(effective.releasableTo()).as("%s: releasable list", c).isNotNull();
            assertThat(version.releasableTo()).as("%s: releasable list", c).containsAll(effective.releasableTo());
        }
        // What every inbox gets says the same: the released handling is no wider either, and names no other
        // recipient of the version than the inbox's own party (the originator sees all addressees).
        List<Topics.Party> inboxes = new ArrayList<>();
        inboxes.add(new Topics.Party(false, AGENCY));
        inboxes.add(c.party());
        routed.bodies().forEach(b -> inboxes.add(new Topics.Party(true, b)));
        for (Topics.Party inbox : inboxes) {
            Markings released = Markings.of(routed.releasedTo(inbox).getHandling());
            assertThat(released.tlp()).isEqualTo(effective.tlp());
            assertThat(released.notReleasableTo()).containsAll(version.notReleasableTo());
            if (version.releasableTo() != null) {
                assertThat(version.releasableTo()).as("%s: released list", c).containsAll(
                        released.releasableTo() == null ? Set.of("<no list>") : released.releasableTo().stream()
                                .filter(b -> !routed.bodies().contains(b) && !b.equals(c.party().id())).toList());
            }
            if (!inbox.equals(new Topics.Party(false, AGENCY))) {
                assertThat(released.addressedTo()).as("%s: %s learns no other addressee", c, inbox)
                        .isSubsetOf(inbox.body() ? Set.of(inbox.id()) : Set.of());
            }
        }
        // Nor wider than the latest version's (a later version may have restricted the alert since).
        Markings latest = c.history().markings();
        assertThat(effective.tlp().compareTo(latest.tlp())).as("%s: latest tlp", c).isGreaterThanOrEqualTo(0);
        assertThat(effective.notReleasableTo()).as("%s: latest exclusions", c).containsAll(latest.notReleasableTo());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sharingNeverAddsAPartyTheResponsesMarkingsExclude(long seed) {
        Case c = generate(seed);
        if (!(decide(c) instanceof ResponseOutcome.Routed routed)) {
            return;
        }
        Markings own = Markings.of(c.response().getHandling());
        SortedSet<String> addressed = new TreeSet<>(own.addressedTo());
        for (String body : routed.bodies()) {
            assertThat(own.notReleasableTo()).as("%s: %s is excluded", c, body).doesNotContain(body);
            if (own.releasableTo() != null) {
                assertThat(own.releasableTo()).as("%s: %s outside the list", c, body).contains(body);
            }
            if (own.tlp() == Tlp.RED || own.handlingCode() == HandlingCode.H2) {
                assertThat(addressed).as("%s: %s under RED or H2 without being addressed", c, body).contains(body);
            }
        }
        if (!c.response().getShareWithRecipients()) {
            assertThat(addressed).as("%s: unshared goes to addressees at most", c).containsAll(routed.bodies());
            if (c.party().body()) {
                assertThat(routed.bodies()).as("%s: a body's unshared response goes to the originator alone", c).isEmpty();
            }
        }
    }
}

package org.corridor.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chain walk against the tampering it must show, and the histories it must accept. */
class ChainWalkTest {

    /** One stored record: its offset, its value, and the previous hash it names. */
    private record Stored(long offset, byte[] value, String claimed) {
    }

    private static byte[] value(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A partition as the router writes it: the first decision names nothing, each next one its predecessor. */
    private static List<Stored> chain(int n) {
        List<Stored> log = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < n; i++) {
            byte[] v = value("decision " + i);
            // Offsets step by 2: each transaction's commit marker takes an offset too.
            log.add(new Stored(2L * i, v, previous));
            previous = DecisionHash.of(v);
        }
        return log;
    }

    private static ChainWalk walk(List<Stored> log) {
        ChainWalk walk = new ChainWalk();
        log.forEach(r -> walk.next(r.offset(), r.value(), r.claimed()));
        return walk;
    }

    @Test
    void theHashIsSha256OfTheBytesInLowerCaseHex() {
        assertThat(DecisionHash.of(value("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> DecisionHash.of(null)).hasMessageContaining("value");
    }

    @Test
    void anIntactChainHoldsAndItsHeadIsTheLastDecisionsHash() {
        List<Stored> log = chain(5);
        ChainWalk walk = walk(log);
        assertThat(walk.broken()).isNull();
        assertThat(walk.checked()).isEqualTo(5);
        assertThat(walk.firstOffset()).isZero();
        assertThat(walk.head()).isEqualTo(DecisionHash.of(log.get(4).value()));
        assertThat(walk.headOffset()).isEqualTo(8);
        assertThat(walk.unchained()).as("only the first decision names nothing").isEqualTo(1);
    }

    @Test
    void aChangedRecordBreaksTheChainAtItsSuccessor() {
        List<Stored> log = chain(5);
        Stored original = log.get(2);
        log.set(2, new Stored(original.offset(), value("decision 2, recipients changed"), original.claimed()));
        ChainWalk walk = walk(log);
        assertThat(walk.broken().offset()).isEqualTo(6);
        assertThat(walk.broken().found()).isEqualTo(DecisionHash.of(original.value()));
        assertThat(walk.broken().expected()).isEqualTo(DecisionHash.of(log.get(2).value()));
        assertThat(walk.broken().describe(1)).startsWith("partition 1 offset 6: names previous decision "
                + DecisionHash.of(original.value()) + "; expected " + DecisionHash.of(log.get(2).value())
                + ", the SHA-256 of the decision at offset 4");
        assertThat(walk.checked()).as("nothing is judged after the first broken link").isEqualTo(3);
    }

    @Test
    void aRemovedRecordBreaksTheChainAtItsSuccessor() {
        List<Stored> log = chain(5);
        Stored removed = log.remove(2);
        ChainWalk walk = walk(log);
        assertThat(walk.broken().offset()).isEqualTo(6);
        assertThat(walk.broken().found()).isEqualTo(DecisionHash.of(removed.value()));
        assertThat(walk.broken().expected()).isEqualTo(DecisionHash.of(log.get(1).value()));
    }

    @Test
    void anInsertedRecordThatDoesNotChainBreaksTheChainAtItself() {
        List<Stored> log = chain(4);
        String wrong = DecisionHash.of(value("a decision that never was"));
        log.add(2, new Stored(3, value("forged decision"), wrong));
        ChainWalk walk = walk(log);
        assertThat(walk.broken().offset()).isEqualTo(3);
        assertThat(walk.broken().found()).isEqualTo(wrong);
        assertThat(walk.broken().expected()).isEqualTo(DecisionHash.of(log.get(1).value()));
    }

    @Test
    void anInsertedRecordThatChainsBreaksTheChainAtItsSuccessor() {
        List<Stored> log = chain(4);
        log.add(2, new Stored(3, value("forged decision"), DecisionHash.of(log.get(1).value())));
        ChainWalk walk = walk(log);
        assertThat(walk.broken().offset()).isEqualTo(4);
        assertThat(walk.broken().expected()).isEqualTo(DecisionHash.of(value("forged decision")));
    }

    @Test
    void aRecordNamingNothingAfterTheChainBeganBreaksIt() {
        List<Stored> log = chain(3);
        log.add(new Stored(6, value("forged decision"), null));
        ChainWalk walk = walk(log);
        assertThat(walk.broken().offset()).isEqualTo(6);
        assertThat(walk.broken().found()).isNull();
        assertThat(walk.broken().reason()).startsWith("names no previous decision; expected " + DecisionHash.of(log.get(2).value()));
    }

    @Test
    void theFirstRecordIsTheStartWhateverItNamesSoATruncatedLogStillVerifies() {
        List<Stored> log = chain(6).subList(3, 6);
        ChainWalk walk = walk(log);
        assertThat(walk.broken()).isNull();
        assertThat(walk.firstOffset()).isEqualTo(6);
        assertThat(walk.checked()).isEqualTo(3);
        assertThat(walk.unchained()).isZero();
    }

    @Test
    void decisionsWrittenBeforeTheChainBeganAreAcceptedAndCounted() {
        List<Stored> log = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            log.add(new Stored(i, value("legacy decision " + i), null));
        }
        log.add(new Stored(3, value("first chained"), DecisionHash.of(log.get(2).value())));
        log.add(new Stored(4, value("second chained"), DecisionHash.of(value("first chained"))));
        ChainWalk walk = walk(log);
        assertThat(walk.broken()).isNull();
        assertThat(walk.checked()).isEqualTo(5);
        assertThat(walk.unchained()).isEqualTo(3);
        assertThat(walk.lastUnchainedOffset()).isEqualTo(2);
    }

    @Test
    void aRecordThatCannotBeDecodedOrHasNoValueBreaksTheChain() {
        ChainWalk walk = new ChainWalk();
        List<Stored> log = chain(2);
        log.forEach(r -> walk.next(r.offset(), r.value(), r.claimed()));
        BrokenLink broken = walk.undecodable(4, "unknown magic byte 0x7");
        assertThat(broken.describe(0)).isEqualTo("partition 0 offset 4: cannot be decoded (unknown magic byte 0x7); "
                + "the decision before it, at offset 2, has SHA-256 " + DecisionHash.of(log.get(1).value()));
        assertThat(walk.next(6, value("next"), DecisionHash.of(value("anything")))).isNull();
        assertThat(walk.broken()).isSameAs(broken);

        ChainWalk tombstone = new ChainWalk();
        assertThat(tombstone.next(0, null, null).reason()).isEqualTo("cannot be decoded (it has no value)");
    }

    @Test
    void anEmptyPartitionHoldsWithNoHead() {
        ChainWalk walk = new ChainWalk();
        assertThat(walk.broken()).isNull();
        assertThat(walk.head()).isNull();
        assertThat(walk.checked()).isZero();
    }
}

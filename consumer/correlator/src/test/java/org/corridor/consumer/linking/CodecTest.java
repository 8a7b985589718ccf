package org.corridor.consumer.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.corridor.consumer.correlation.Footprint;
import org.corridor.consumer.correlation.GroundTruth;
import org.corridor.consumer.correlation.Link;
import org.corridor.consumer.correlation.Quantities;
import org.corridor.consumer.correlation.Report;
import org.junit.jupiter.api.Test;

/** The topology's binary values read back as they were written, and a value of another format is refused. */
class CodecTest {

    @Test
    void everyValueReadsBackEqual() {
        List<Report> reports = GroundTruth.generate(2205, 200).reports();
        for (int i = 0; i + 1 < reports.size(); i++) {
            Report a = reports.get(i);
            Report b = reports.get(i + 1);
            roundTrip(Codec.SHARD_OP, new ShardOp(i % 3, a, i % 2 == 0 ? java.util.List.of("event:x:TJ:5", "id:container:MSCU1234565")
                    : java.util.List.of(), java.util.List.of("event:x:KZ:4")));
            roundTrip(Codec.MEMBER, new Block.Member(b, 19L));
            Report.Released r = a.released();
            for (java.util.Set<String> releasable : java.util.Arrays.asList(null, java.util.Set.<String>of(), java.util.Set.of("EUROPOL", "SELEC"))) {
                roundTrip(Codec.MEMBER, new Block.Member(new Report(a.agency(), a.agencyCountry(), a.alertId(), a.version(),
                        a.retracted(), a.occurredOn(), a.substances(), a.countries(), a.keys(), new Report.Released(r.recipients(),
                        r.tlp(), r.handlingCode(), r.notReleasableTo(), releasable)), 20L));
            }
            roundTrip(Codec.VERDICT, new Verdict("p", a, b, Link.Kind.EVENT, 0.81, List.of("days:1"), null));
            roundTrip(Codec.VERDICT, new Verdict("p", a, b, null, 0, List.of(), "no substance in common"));
        }
    }

    @Test
    void theLatestVersionReadsBackAndSoDoesTheJsonOfEarlierCorrelators() {
        Latest latest = new Latest(3, java.util.Set.of("event:heroin:TJ:2500", "id:container:MSCU1234565"));
        roundTrip(Codec.LATEST, latest);
        roundTrip(Codec.LATEST, new Latest(1, java.util.Set.of()));
        byte[] json = Json.serde(Latest.class).serializer().serialize("t", latest);
        assertThat(json[0]).isEqualTo((byte) '{');
        assertThat(Codec.LATEST.deserializer().deserialize("t", json)).isEqualTo(latest);
        assertThat(Codec.LATEST.serializer().serialize("t", latest)[0]).isEqualTo((byte) 2);
    }

    @Test
    void aKeysEntryReadsBackWithItsFootprintAndTheFilingTimeAloneOfEarlierCorrelatorsToo() {
        Footprint footprint = new Footprint(20_412, List.of("TJ", "AF", "KZ"), java.util.Arrays.asList(
                new Quantities.Measure(Quantities.Dimension.MASS, 412_500), null, new Quantities.Measure(Quantities.Dimension.VOLUME, 3)));
        roundTrip(Codec.FILING, new Block.Filing(17L, footprint));
        roundTrip(Codec.FILING, new Block.Filing(18L, null));
        roundTrip(Codec.FILING, new Block.Filing(19L, new Footprint(1, List.of(), List.of())));
        assertThat(footprint.countries()).as("sorted").containsExactly("AF", "KZ", "TJ");
        for (Block.Filing f : List.of(new Block.Filing(0, null), new Block.Filing(Long.MAX_VALUE, footprint))) {
            assertThat(Codec.FILING.serializer().serialize("t", f)).as("never the length of a bare filing time").hasSizeGreaterThan(Long.BYTES);
        }
        byte[] before = org.apache.kafka.common.serialization.Serdes.Long().serializer().serialize("t", 1_764_000_000_000L);
        assertThat(Codec.FILING.deserializer().deserialize("t", before)).isEqualTo(new Block.Filing(1_764_000_000_000L, null));
    }

    @Test
    void aValueOfAnotherFormatIsRefusedNotMisread() {
        byte[] bytes = Codec.MEMBER.serializer().serialize("t", new Block.Member(GroundTruth.generate(1, 1).reports().get(0), 1));
        bytes[0] = 9;
        assertThatThrownBy(() -> Codec.MEMBER.deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
        assertThatThrownBy(() -> Codec.MEMBER.deserializer().deserialize("t", new byte[] {1, 0, 3}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void aValueOfFormatOneReadsWithNoReleasableToList() {
        Report report = GroundTruth.generate(3, 1).reports().get(0);
        assertThat(report.released().releasableTo()).isNull();
        byte[] two = Codec.MEMBER.serializer().serialize("t", new Block.Member(report, 5));
        // Format 1 is format 2 without the flag that ends a member's markings (false: no releasableTo list).
        byte[] one = java.util.Arrays.copyOf(two, two.length - 1);
        one[0] = 1;
        assertThat(Codec.MEMBER.deserializer().deserialize("t", one)).isEqualTo(new Block.Member(report, 5));
    }

    private static <T> void roundTrip(org.apache.kafka.common.serialization.Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(value);
    }
}

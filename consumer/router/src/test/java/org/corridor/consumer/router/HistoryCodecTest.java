package org.corridor.consumer.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.consumer.decision.History;
import org.corridor.consumer.policy.Markings;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.junit.jupiter.api.Test;

/** The alerts.recipients value: JSON history, the former comma-separated recipients, and refused values. */
class HistoryCodecTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHistoryReadsBackAsWritten() {
        History h = new History("kz-customs", 3, new Markings(Tlp.AMBER, HandlingCode.H3, "not for court",
                new TreeSet<>(Set.of("CARICC")), new TreeSet<>(Set.of("CARICC", "INCB")), new TreeSet<>(Set.of("CSTO"))),
                new TreeSet<>(Set.of("CARICC", "INCB")));
        assertThat(HistoryCodec.decode(HistoryCodec.encode(h))).isEqualTo(h);
        History releasedToNobody = new History("kz-customs", 1, new Markings(Tlp.RED, HandlingCode.H0, null,
                new TreeSet<>(), new TreeSet<>(), new TreeSet<>()), new TreeSet<>());
        assertThat(HistoryCodec.decode(HistoryCodec.encode(releasedToNobody)).markings().releasableTo()).isNotNull().isEmpty();
        History noList = new History("kz-customs", 1, new Markings(Tlp.RED, HandlingCode.H0, null,
                new TreeSet<>(), null, new TreeSet<>()), new TreeSet<>());
        assertThat(HistoryCodec.decode(HistoryCodec.encode(noList))).isEqualTo(noList);
        assertThat(new String(HistoryCodec.encode(History.legacy(Set.of("UNODC"))), StandardCharsets.UTF_8))
                .isEqualTo("{\"format\":1,\"owner\":null,\"version\":0,\"markings\":null,\"recipients\":[\"UNODC\"]}");
    }

    @Test
    void theFormerCommaSeparatedValueIsALegacyHistoryWithoutOwner() {
        assertThat(HistoryCodec.decode(utf8("INCB,UNODC"))).isEqualTo(History.legacy(Set.of("INCB", "UNODC")));
        assertThat(HistoryCodec.decode(new byte[0])).isNull();
        assertThat(HistoryCodec.decode(null)).isNull();
    }

    @Test
    void aValueOutsideTheFormatIsRefusedWithTheField() {
        assertThatThrownBy(() -> HistoryCodec.decode(utf8("{\"format\":2}"))).hasMessageContaining("format: 2");
        assertThatThrownBy(() -> HistoryCodec.decode(utf8("{\"format\":1,\"owner\":\"KZ Customs\",\"version\":1,\"recipients\":[]}")))
                .hasMessageContaining("owner");
        assertThatThrownBy(() -> HistoryCodec.decode(utf8("{\"format\":1,\"owner\":null,\"version\":-1,\"recipients\":[]}")))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> HistoryCodec.decode(utf8("{\"format\":1,\"owner\":null,\"version\":1,\"markings\":"
                + "{\"tlp\":\"PINK\",\"handlingCode\":\"H0\",\"addressedTo\":[],\"releasableTo\":null,\"notReleasableTo\":[]},"
                + "\"recipients\":[]}"))).hasMessageContaining("markings.tlp: \"PINK\" is not one of");
    }

    @Test
    void mergingKeepsTheHigherVersionAndEveryRecipient() {
        History v2 = new History("kz-customs", 2, null, new TreeSet<>(Set.of("INCB")));
        History legacy = History.legacy(Set.of("UNODC"));
        assertThat(v2.merge(legacy)).isEqualTo(new History("kz-customs", 2, null, new TreeSet<>(Set.of("INCB", "UNODC"))));
        assertThat(legacy.merge(v2)).isEqualTo(new History("kz-customs", 2, null, new TreeSet<>(Set.of("INCB", "UNODC"))));
    }

    @Test
    void eachVersionsMarkingsAndRecipientsReadBackAsWritten() {
        Markings amber = new Markings(Tlp.AMBER, HandlingCode.H1, null, new TreeSet<>(), null, new TreeSet<>(Set.of("OSCE")));
        Markings red = new Markings(Tlp.RED, HandlingCode.H0, null, new TreeSet<>(Set.of("CARICC")), new TreeSet<>(),
                new TreeSet<>(Set.of("OSCE")));
        History h = History.NONE.next("tj-drug-control", 1, amber, Set.of("CARICC", "UNODC"))
                .next("tj-drug-control", 2, red, Set.of("CARICC"));
        History read = HistoryCodec.decode(HistoryCodec.encode(h));
        assertThat(read).isEqualTo(h);
        assertThat(read.released(1).recipients()).containsExactly("CARICC", "UNODC");
        assertThat(read.released(2).markings()).isEqualTo(red);
        assertThat(read.released(2).markings().releasableTo()).as("released to nobody stays nobody").isNotNull().isEmpty();
        assertThat(read.released(3)).isNull();
        // A router that knows only version 1 and one that knows both merge to both.
        History onlyFirst = History.NONE.next("tj-drug-control", 1, amber, Set.of("CARICC", "UNODC"));
        assertThat(onlyFirst.merge(h)).isEqualTo(h);
        assertThat(h.merge(onlyFirst).versions()).containsOnlyKeys(1, 2);
    }

    @Test
    void aVersionEntryOutsideTheFormatIsRefusedWithItsPath() {
        assertThatThrownBy(() -> HistoryCodec.decode(utf8("{\"format\":1,\"owner\":null,\"version\":1,\"markings\":null,"
                + "\"recipients\":[],\"versions\":{\"x\":{}}}"))).hasMessageContaining("versions: \"x\" is not a version");
        assertThatThrownBy(() -> HistoryCodec.decode(utf8("{\"format\":1,\"owner\":null,\"version\":1,\"markings\":null,"
                + "\"recipients\":[],\"versions\":{\"1\":{\"markings\":{\"tlp\":\"RED\",\"handlingCode\":\"H9\"},"
                + "\"recipients\":[]}}}"))).hasMessageContaining("versions.1.markings.handlingCode: \"H9\"");
    }
}

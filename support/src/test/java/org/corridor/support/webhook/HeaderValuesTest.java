package org.corridor.support.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values from agencies or receivers never carry a line break into a header or a log line, and stay small. */
class HeaderValuesTest {

    @Test
    void theKeysOfTodayPassUnchanged() {
        assertThat(HeaderValues.encode("6f1c1a38-5d7e-4a51-9b1e-0f7c2b8d9e10:3")).isEqualTo("6f1c1a38-5d7e-4a51-9b1e-0f7c2b8d9e10:3");
        assertThat(HeaderValues.encode("PARIS_PACT")).isEqualTo("PARIS_PACT");
    }

    @Test
    void controlCharactersAndNonAsciiArePercentEncodedSoDistinctValuesStayDistinct() {
        String encoded = HeaderValues.encode("kz-customs/a\r\nX-Injected: yes");
        assertThat(encoded).isEqualTo("kz-customs%2Fa%0D%0AX-Injected:%20yes");
        assertThat(encoded).matches("[\\x21-\\x7E]+");
        assertThat(HeaderValues.encode("a%0D")).as("a literal percent is encoded too").isEqualTo("a%250D")
                .isNotEqualTo(HeaderValues.encode("a\r"));
        assertThat(HeaderValues.encode("Ж")).isEqualTo("%D0%96");
    }

    @Test
    void anOverlongValueBecomesItsHash() {
        String encoded = HeaderValues.encode("x".repeat(10_000));
        assertThat(encoded).hasSize("sha256-".length() + 64).startsWith("sha256-");
        assertThat(HeaderValues.encode("x".repeat(10_001))).isNotEqualTo(encoded);
        assertThat(HeaderValues.encode("x".repeat(HeaderValues.MAX_LENGTH))).hasSize(HeaderValues.MAX_LENGTH);
    }

    @Test
    void printableTextLosesControlsAndIsCut() {
        assertThat(HeaderValues.printable("bad\r\nline\u0000\u202Eend\u2028", 100)).isEqualTo("bad??line??end?");
        assertThat(HeaderValues.printable("y".repeat(1000), 10)).hasSize(10);
    }
}

package org.corridor.schemas.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceDataTest {

    private static final String BODIES = "id,name\nUNODC,UN Office on Drugs and Crime\nSCO,Shanghai Cooperation Organisation\n";
    private static final String MEMBERSHIPS = "body,country,since,until,note\nSCO,KZ,,,\n";
    private static final String PRECURSORS = "name,cas,table,used_for\nAcetic anhydride,108-24-7,I,heroin\n";

    private final ReferenceData data = ReferenceData.defaults();

    @Test
    void bundledDataHasThirteenBodies() {
        assertThat(data.bodyIds()).containsExactly("CARICC", "CICA", "CIS", "CSTO", "EUDA", "EUROPOL", "INCB",
                "INTERPOL", "OSCE", "PARIS_PACT", "SCO", "SELEC", "UNODC");
        assertThat(data.body("PARIS_PACT")).get().extracting(RecipientBody::topicSlug).isEqualTo("paris-pact");
    }

    @Test
    void bundledDataHasBothPrecursorTables() {
        assertThat(data.precursor("108-24-7")).get().extracting(Precursor::table).isEqualTo(PrecursorTable.I);
        assertThat(data.precursor("108-88-3")).get().extracting(Precursor::table).isEqualTo(PrecursorTable.II);
        assertThat(data.precursor("64-17-5")).isEmpty();
    }

    @Test
    void membershipFollowsTheDates() {
        // Belarus joined the SCO on 4 July 2024; Georgia left the CIS on 18 August 2009.
        assertThat(data.isMember("SCO", "BY", LocalDate.of(2024, 7, 3))).isFalse();
        assertThat(data.isMember("SCO", "BY", LocalDate.of(2024, 7, 4))).isTrue();
        assertThat(data.isMember("CIS", "GE", LocalDate.of(2009, 8, 17))).isTrue();
        assertThat(data.isMember("CIS", "GE", LocalDate.of(2009, 8, 18))).isFalse();
        assertThat(data.members("CARICC", LocalDate.of(2026, 1, 1)))
                .containsExactly("AZ", "KG", "KZ", "RU", "TJ", "TM", "UZ");
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
            arguments("memberships.csv", 3, "body,country,since,until,note\nSCO,KZ,,,\nNATO,DE,,,\n",
                "memberships.csv:3: body: \"NATO\" is not a body of bodies.csv"),
            arguments("memberships.csv", 4, "# comment\nbody,country,since,until,note\nSCO,KZ,,,\nSCO,XX,,,\n",
                "memberships.csv:4: country: \"XX\" is not an ISO 3166-1 alpha-2 code"),
            arguments("memberships.csv", 2, "body,country,since,until,note\nSCO,BY,4 July 2024,,\n",
                "memberships.csv:2: since: \"4 July 2024\" is not an ISO date (YYYY-MM-DD)"),
            arguments("memberships.csv", 2, "body,country,since,until,note\nSCO,BY,2024-07-04,2020-01-01,\n",
                "memberships.csv:2: until: 2020-01-01 must be after since 2024-07-04"),
            arguments("memberships.csv", 3, "body,country,since,until,note\nSCO,KZ,,,\nSCO,KG,,\n",
                "memberships.csv:3: expected 5 columns, found 4"),
            arguments("precursors.csv", 3, "name,cas,table,used_for\nAcetic anhydride,108-24-7,I,heroin\nToluene,108-88-4,II,solvent\n",
                "precursors.csv:3: cas: \"108-88-4\" has a wrong check digit"),
            arguments("precursors.csv", 2, "name,cas,table,used_for\nToluene,108-88-3,III,solvent\n",
                "precursors.csv:2: table: \"III\" is not I or II"),
            arguments("precursors.csv", 3, "name,cas,table,used_for\n\"Safrole, natural\",94-59-7,I,MDMA\n,94-59-7,I,MDMA\n",
                "precursors.csv:3: name: must not be blank"),
            arguments("precursors.csv", 3, "name,cas,table,used_for\nSafrole,94-59-7,I,MDMA\nSafrole again,94-59-7,I,MDMA\n",
                "precursors.csv:3: cas: 94-59-7 is listed twice"),
            arguments("bodies.csv", 3, "id,name\nUNODC,UN Office\nparis pact,Paris Pact\n",
                "bodies.csv:3: id: \"paris pact\" must be upper-case letters, digits and underscores"));
    }

    @ParameterizedTest(name = "{0} line {1}")
    @MethodSource("badRows")
    void badRowFailsLoadingWithItsLine(String file, long line, String content, String message) {
        Map<String, String> files = new java.util.HashMap<>(Map.of(
                "bodies.csv", BODIES, "memberships.csv", MEMBERSHIPS, "precursors.csv", PRECURSORS));
        files.put(file, content);
        assertThatThrownBy(() -> ReferenceData.load(name -> stream(files.get(name))))
                .isInstanceOfSatisfying(ReferenceDataException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(line);
                })
                .hasMessage(message);
    }

    @Test
    void badRowInAResourceFileFailsWithItsLine() {
        // A whole bundled-style file with a bad row on line 9, read from the test classpath.
        assertThatThrownBy(() -> ReferenceData.load(name -> getClass().getClassLoader()
                .getResourceAsStream("reference-bad/" + name)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage("memberships.csv:9: country: \"SU\" is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> ReferenceData.load(name -> name.equals("precursors.csv") ? null
                : stream(name.equals("bodies.csv") ? BODIES : MEMBERSHIPS)))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage("precursors.csv: resource not found");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.corridor.consumer.linking;

import static org.assertj.core.api.Assertions.assertThat;

import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Report;
import org.junit.jupiter.api.Test;

/** An event key names its substance, whatever colons the substance holds; an identifier's key names none. */
class BlocksTest {

    @Test
    void anEventKeysSubstanceIsWhatPrecedesItsCountryAndPeriod() {
        assertThat(Blocks.substance("event:OPIATE:heroin:TJ:2551")).isEqualTo("OPIATE:heroin");
        assertThat(Blocks.substance("event:cas:108-24-7:AF:-3")).isEqualTo("cas:108-24-7");
        assertThat(Blocks.substance("id:container:MSCU1234565")).isNull();
        assertThat(Blocks.substance("event:TJ:1")).as("no substance left").isNull();
        assertThat(Blocks.substance("event:1")).isNull();
        // Every event key of a report names one of its substances, by number or by name.
        Report tj = org.corridor.consumer.correlation.GroundTruth.report(TwoReports.tajik());
        for (String block : Blocks.of(tj, MatchSettings.DEFAULTS)) {
            String substance = Blocks.substance(block);
            assertThat(substance == null ? block.startsWith("id:")
                    : tj.substances().stream().anyMatch(a -> a.identity().equals(substance) || a.name().equals(substance)))
                    .as(block).isTrue();
        }
    }
}

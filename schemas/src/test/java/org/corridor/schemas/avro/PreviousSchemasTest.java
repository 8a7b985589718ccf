package org.corridor.schemas.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * The schemas as registered before issue 19 (handling.relaxes, RoutingDecision's effectiveMarkings and relaxation)
 * and today's read each other's data, as the registry's compatibility check requires.
 */
class PreviousSchemasTest {

    private static Schema previous(String name) throws IOException {
        try (InputStream in = PreviousSchemasTest.class.getResourceAsStream("previous/" + name)) {
            return new Schema.Parser().parse(in);
        }
    }

    private static void bothWays(Schema now, Schema before) {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(now, before).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(before, now).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void theAlertWithRelaxesAndThePreviousAlertReadEachOther() throws IOException {
        bothWays(TraffickingAlert.getClassSchema(), previous("TraffickingAlert-1.avsc"));
    }

    @Test
    void theDecisionWithMarkingsAndThePreviousDecisionReadEachOther() throws IOException {
        bothWays(RoutingDecision.getClassSchema(), previous("RoutingDecision-1.avsc"));
    }
}

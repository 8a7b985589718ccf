package org.corridor.web.analyst;

import java.util.Arrays;
import java.util.List;

import org.corridor.schemas.avro.OutcomeResult;

/** The outcome codes an analyst may report, the contract's own symbols. */
public final class AnalystChoices {

    public static final List<String> OUTCOMES = Arrays.stream(OutcomeResult.values()).map(Enum::name).toList();

    private AnalystChoices() {
    }
}

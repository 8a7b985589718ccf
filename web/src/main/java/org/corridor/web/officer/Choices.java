package org.corridor.web.officer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TransportMode;

/** The form's choices, the contract's own symbols (a new symbol in the schema is a new choice here). */
public final class Choices {

    public static final List<String> KINDS = names(AlertKind.values(), false);
    public static final List<String> PRIORITIES = names(Priority.values(), false);
    /** With a blank first choice: the validator, not the form, says that a substance needs a category. */
    public static final List<String> CATEGORIES = names(SubstanceCategory.values(), true);
    public static final List<String> UNITS = names(QuantityUnit.values(), false);
    public static final List<String> TRANSPORT = names(TransportMode.values(), false);
    public static final List<String> TLP = names(Tlp.values(), false);
    public static final List<String> HANDLING = names(HandlingCode.values(), false);

    private Choices() {
    }

    private static List<String> names(Enum<?>[] values, boolean blankFirst) {
        List<String> names = new ArrayList<>();
        if (blankFirst) {
            names.add("");
        }
        Arrays.stream(values).map(Enum::name).forEach(names::add);
        return List.copyOf(names);
    }
}

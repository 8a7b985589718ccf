package org.corridor.producer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class SubstanceNamesTest {

    private final SubstanceNames names = new SubstanceNames(ReferenceData.defaults());

    @Test
    void precursorsByNameOrAliasGetTableAndCas() {
        assertThat(names.guess("Acetic anhydride")).isEqualTo(new SubstanceNames.Guess(SubstanceCategory.PRECURSOR_TABLE_I, "108-24-7"));
        assertThat(names.guess("APAAN")).isEqualTo(new SubstanceNames.Guess(SubstanceCategory.PRECURSOR_TABLE_I, "4468-48-8"));
        assertThat(names.guess("toluene")).isEqualTo(new SubstanceNames.Guess(SubstanceCategory.PRECURSOR_TABLE_II, "108-88-3"));
        assertThat(names.guess("PMK")).extracting(SubstanceNames.Guess::cas).isEqualTo("4676-39-5");
    }

    @Test
    void drugsByNameAndOtherwiseOther() {
        assertThat(names.guess(" Heroin ").category()).isEqualTo(SubstanceCategory.OPIATE);
        assertThat(names.guess("cocaine").category()).isEqualTo(SubstanceCategory.COCAINE);
        assertThat(names.guess("captagon").category()).isEqualTo(SubstanceCategory.AMPHETAMINE_TYPE);
        assertThat(names.guess("talcum").category()).isEqualTo(SubstanceCategory.OTHER);
        assertThat(names.guess("talcum").cas()).isNull();
    }
}

package org.corridor.consumer.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void companyNamesLoseCaseAccentsPunctuationAndLegalForms() {
        assertThat(Keys.companyName("Kunduz Cotton Mill, LLC")).isEqualTo("KUNDUZ COTTON MILL");
        assertThat(Keys.companyName("  kunduz   cotton-mill ltd.")).isEqualTo("KUNDUZ COTTON MILL");
        assertThat(Keys.companyName("Société Générale d'Import S.A.R.L.")).isEqualTo("SOCIETE GENERALE D IMPORT S A R L");
        assertThat(Keys.companyName("Ōsaka Trading Co")).isEqualTo("OSAKA TRADING");
    }

    @Test
    void aSubstanceIsItsCasNumberOrItsCategoryAndNameWithoutSaltWords() {
        assertThat(Keys.substance(new Substance("Acetic anhydride", SubstanceCategory.PRECURSOR_TABLE_I, "108-24-7", null, null)))
                .isEqualTo("cas:108-24-7");
        assertThat(Keys.substance(new Substance("Cocaine HCl", SubstanceCategory.COCAINE, null, null, null)))
                .isEqualTo(Keys.substance(new Substance("cocaine hydrochloride", SubstanceCategory.COCAINE, null, null, null)))
                .isEqualTo("COCAINE:cocaine");
    }
}

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
        assertThat(Keys.companyName("Société Générale d'Import S.A.R.L.")).isEqualTo("SOCIETE GENERALE D IMPORT");
        assertThat(Keys.companyName("Kunduz Cotton Mill L.L.C.")).isEqualTo("KUNDUZ COTTON MILL");
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

    @Test
    void namesInCyrillicKeepTheirLettersAndANameWithoutLettersIsNoKey() {
        assertThat(Keys.companyName("ТОО «Алем-2000»")).isEqualTo("АЛЕМ 2000");
        assertThat(Keys.companyName("ТОО «Береке-2000»")).isEqualTo("БЕРЕКЕ 2000");
        assertThat(Keys.companyName("ООО Ромашка")).isEqualTo("РОМАШКА");
        assertThat(companyKeys("ТОО «2000»")).as("a legal form and a number name no company").isEmpty();
        assertThat(companyKeys("ТОО «Алем-2000»")).containsExactly("company:АЛЕМ 2000:KZ");
    }

    private static java.util.Set<String> companyKeys(String name) {
        org.corridor.schemas.avro.TraffickingAlert a = org.corridor.schemas.SampleAlerts.heroinSeizure().build();
        a.setIdentifiers(org.corridor.schemas.avro.Identifiers.newBuilder().setContainers(new java.util.ArrayList<>())
                .setVessels(new java.util.ArrayList<>()).setVehicles(new java.util.ArrayList<>())
                .setFlights(new java.util.ArrayList<>()).setTransportDocuments(new java.util.ArrayList<>())
                .setCompanies(new java.util.ArrayList<>(java.util.List.of(new org.corridor.schemas.avro.Company(org.corridor.schemas.avro.CompanyRole.CONSIGNEE, name, "KZ"))))
                .build());
        return Keys.of(a);
    }
}

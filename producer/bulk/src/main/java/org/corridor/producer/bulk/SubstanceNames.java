package org.corridor.producer.bulk;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.reference.Precursor;
import org.corridor.schemas.reference.PrecursorTable;
import org.corridor.schemas.reference.ReferenceData;

/**
 * The category (and CAS number, for scheduled precursors) of a substance named in a spreadsheet, when the row does not
 * give one: precursors by their Convention names, common drugs by name, everything else OTHER. Pure.
 */
final class SubstanceNames {

    /** A category and, for a precursor, its CAS number. */
    record Guess(SubstanceCategory category, String cas) {
    }

    private static final Map<String, SubstanceCategory> DRUGS = Map.ofEntries(
            Map.entry("heroin", SubstanceCategory.OPIATE), Map.entry("opium", SubstanceCategory.OPIATE),
            Map.entry("morphine", SubstanceCategory.OPIATE), Map.entry("cocaine", SubstanceCategory.COCAINE),
            Map.entry("coca paste", SubstanceCategory.COCAINE), Map.entry("crack", SubstanceCategory.COCAINE),
            Map.entry("cannabis", SubstanceCategory.CANNABIS), Map.entry("hashish", SubstanceCategory.CANNABIS),
            Map.entry("marijuana", SubstanceCategory.CANNABIS), Map.entry("cannabis resin", SubstanceCategory.CANNABIS),
            Map.entry("methamphetamine", SubstanceCategory.AMPHETAMINE_TYPE), Map.entry("amphetamine", SubstanceCategory.AMPHETAMINE_TYPE),
            Map.entry("mdma", SubstanceCategory.AMPHETAMINE_TYPE), Map.entry("ecstasy", SubstanceCategory.AMPHETAMINE_TYPE),
            Map.entry("captagon", SubstanceCategory.AMPHETAMINE_TYPE));

    private final ReferenceData reference;

    SubstanceNames(ReferenceData reference) {
        this.reference = reference;
    }

    Guess guess(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Optional<Precursor> precursor = reference.precursors().stream().filter(p -> matches(p, n)).findFirst();
        if (precursor.isPresent()) {
            return new Guess(precursor.get().table() == PrecursorTable.I ? SubstanceCategory.PRECURSOR_TABLE_I
                    : SubstanceCategory.PRECURSOR_TABLE_II, precursor.get().cas());
        }
        return new Guess(DRUGS.getOrDefault(n, SubstanceCategory.OTHER), null);
    }

    /** "Acetic anhydride" matches "acetic anhydride"; "APAAN" matches "alpha-Phenylacetoacetonitrile (APAAN)". */
    private static boolean matches(Precursor p, String name) {
        String listed = p.name().toLowerCase(Locale.ROOT);
        if (listed.equals(name)) {
            return true;
        }
        int open = listed.indexOf('(');
        if (open > 0) {
            String base = listed.substring(0, open).trim();
            String inBrackets = listed.substring(open + 1, listed.lastIndexOf(')') > open ? listed.lastIndexOf(')') : listed.length());
            for (String alias : inBrackets.split(",")) {
                if (alias.trim().equals(name)) {
                    return true;
                }
            }
            return base.equals(name);
        }
        return false;
    }
}

package org.corridor.schemas.validation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Quantity;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.CasNumbers;
import org.corridor.schemas.reference.Precursor;
import org.corridor.schemas.reference.PrecursorTable;
import org.corridor.schemas.reference.ReferenceData;

/** Substances: names, CAS numbers and their agreement with the precursor tables, quantities, purity. */
final class SubstanceRules {

    static final int AMOUNT_SCALE = 3;
    /** Kinds that only make sense with at least one substance. */
    static final Set<AlertKind> NEED_SUBSTANCE = EnumSet.of(AlertKind.SEIZURE, AlertKind.DIVERSION, AlertKind.NPS_DETECTION);

    private SubstanceRules() {
    }

    static void check(TraffickingAlert alert, ReferenceData reference, Violations v) {
        List<Substance> substances = alert.getSubstances();
        if (!v.present("substances", substances)) {
            return;
        }
        if (substances.isEmpty() && NEED_SUBSTANCE.contains(alert.getKind())) {
            v.add("substances", "a " + alert.getKind() + " alert needs at least one substance");
        }
        each("substances", substances, reference, v);
    }

    /** Checks each substance of a list found at {@code listPath} (an alert's, an outcome's). */
    static void each(String listPath, List<Substance> substances, ReferenceData reference, Violations v) {
        for (int i = 0; i < substances.size(); i++) {
            String path = listPath + "[" + i + "]";
            Substance s = substances.get(i);
            if (!v.present(path, s)) {
                continue;
            }
            v.notBlank(path + ".name", s.getName());
            v.present(path + ".category", s.getCategory());
            cas(path, s, reference, v);
            quantity(path + ".quantity", s.getQuantity(), v);
            Double purity = s.getPurityPercent();
            if (purity != null && !(purity > 0 && purity <= 100)) {
                v.add(path + ".purityPercent", "must be greater than 0 and at most 100, was " + purity);
            }
        }
    }

    private static void cas(String path, Substance s, ReferenceData reference, Violations v) {
        String cas = s.getCasNumber();
        SubstanceCategory category = s.getCategory();
        if (cas == null) {
            return;
        }
        if (!CasNumbers.hasValidFormat(cas)) {
            v.add(path + ".casNumber", Texts.quote(cas) + " is not a CAS number (NNNNNNN-NN-N)");
            return;
        }
        if (!CasNumbers.hasValidCheckDigit(cas)) {
            v.add(path + ".casNumber", Texts.quote(cas) + " has a wrong check digit");
            return;
        }
        Optional<Precursor> listed = reference.precursor(cas);
        if (listed.isPresent()) {
            SubstanceCategory expected = categoryOf(listed.get().table());
            if (category != null && category != expected) {
                v.add(path + ".category", "CAS " + cas + " (" + listed.get().name() + ") is on Table "
                        + listed.get().table() + ", so the category must be " + expected + ", was " + category);
            }
        } else if (category == SubstanceCategory.PRECURSOR_TABLE_I || category == SubstanceCategory.PRECURSOR_TABLE_II) {
            String table = category == SubstanceCategory.PRECURSOR_TABLE_I ? "I" : "II";
            v.add(path + ".casNumber", "CAS " + cas + " is not on Table " + table
                    + " of the 1988 Convention, so the category cannot be " + category);
        }
    }

    private static SubstanceCategory categoryOf(PrecursorTable table) {
        return table == PrecursorTable.I ? SubstanceCategory.PRECURSOR_TABLE_I : SubstanceCategory.PRECURSOR_TABLE_II;
    }

    private static void quantity(String path, Quantity q, Violations v) {
        if (q == null) {
            return;
        }
        BigDecimal amount = q.getAmount();
        if (v.present(path + ".amount", amount)) {
            if (amount.signum() <= 0) {
                v.add(path + ".amount", "must be greater than 0, was " + amount.toPlainString());
            } else if (amount.stripTrailingZeros().scale() > AMOUNT_SCALE) {
                v.add(path + ".amount", "must have at most " + AMOUNT_SCALE + " decimal places, was "
                        + amount.toPlainString());
            } else if (amount.setScale(AMOUNT_SCALE, java.math.RoundingMode.UNNECESSARY).precision() > 18) {
                v.add(path + ".amount", "must have at most 15 digits before the decimal point, was "
                        + amount.toPlainString());
            }
        }
        v.present(path + ".unit", q.getUnit());
    }
}

package org.corridor.consumer.correlation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.corridor.schemas.avro.Company;
import org.corridor.schemas.avro.Identifiers;
import org.corridor.schemas.avro.Substance;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.avro.TransportDocument;
import org.corridor.schemas.avro.Vehicle;

/**
 * The exact keys of an alert, each {@code <kind>:<value>}: {@code container:}, {@code vessel:}, {@code
 * vehicle:<country>:<plate>}, {@code flight:<designator>:<date of the event>} (a flight number recurs every day),
 * {@code awb:}, {@code document:<kind>:<reference>}, {@code company:<normalised name>:<country>}; and a substance's
 * identity. Values are already normalised by the contract's validation; companies are normalised here (case,
 * accents, punctuation and legal-form words), so "Kunduz Cotton Mill, LLC" and "KUNDUZ COTTON MILL" are one key. Pure.
 */
public final class Keys {

    /** Legal-form words that say nothing about which company it is. */
    private static final Set<String> LEGAL_FORMS = Set.of("LLC", "LTD", "LIMITED", "GMBH", "SA", "SARL", "BV", "NV", "OOO",
            "AO", "ZAO", "OAO", "JSC", "PJSC", "INC", "CO", "CORP", "CORPORATION", "COMPANY", "SRL", "SPA", "AG", "PLC", "LLP",
            "AS", "AB", "OY", "DOO", "SP", "ZOO", "KG", "TOO", "MCHJ",
            // The same in Cyrillic (Russian, Kazakh, Kyrgyz, Uzbek, Tajik registers), accents removed as for the rest.
            "ООО", "ОАО", "ЗАО", "ПАО", "АО", "ТОО", "ОДО", "ЖШС", "АК", "ХК", "МЧЖ", "ЧДММ", "ҶДММ");
    /** Letters and digits of every script are kept (a Cyrillic name is as much a name as a Latin one). */
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** A key needs a name: at least this many letters in it, so "ТОО 2000" alone links nothing. */
    private static final int MIN_LETTERS = 3;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Salt and form words that do not change which drug it is (heroin base and heroin hydrochloride are heroin). */
    private static final Set<String> SALT_WORDS = Set.of("hydrochloride", "hcl", "base", "salt", "sulfate", "sulphate", "freebase");

    private Keys() {
    }

    /** The exact keys of the alert; empty when it gives no identifiers. */
    public static Set<String> of(TraffickingAlert alert) {
        Set<String> keys = new TreeSet<>();
        Identifiers ids = alert.getIdentifiers();
        if (ids == null) {
            return keys;
        }
        ids.getContainers().forEach(c -> keys.add("container:" + c));
        ids.getVessels().forEach(v -> keys.add("vessel:" + v));
        for (Vehicle v : ids.getVehicles()) {
            keys.add("vehicle:" + v.getCountry() + ":" + v.getPlate());
        }
        ids.getFlights().forEach(f -> keys.add("flight:" + f + ":" + alert.getOccurredOn()));
        for (TransportDocument d : ids.getTransportDocuments()) {
            keys.add(switch (d.getKind()) {
                case AIR_WAYBILL -> "awb:" + d.getReference();
                default -> "document:" + d.getKind() + ":" + d.getReference();
            });
        }
        for (Company c : ids.getCompanies()) {
            String name = companyName(c.getName());
            if (name.codePoints().filter(Character::isLetter).count() >= MIN_LETTERS) {
                keys.add("company:" + name + ":" + c.getCountry());
            }
        }
        return keys;
    }

    /**
     * Upper case, without accents, punctuation or legal-form words, single spaces; letters of every script kept. Dots
     * go without a space, so "L.L.C." is LLC and "S.A.R.L." SARL.
     */
    static String companyName(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("").replace(".", "")
                .toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (String word : NOT_ALNUM.matcher(plain).replaceAll(" ").strip().split(" ")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                out.append(out.length() == 0 ? "" : " ").append(word);
            }
        }
        return out.toString();
    }

    /** {@code cas:<number>}, or {@link #substanceName} without one. */
    static String substance(Substance s) {
        return s.getCasNumber() != null ? "cas:" + s.getCasNumber() : substanceName(s);
    }

    /** {@code <category>:<name>} in lower case without salt words, punctuation or spaces. */
    static String substanceName(Substance s) {
        StringBuilder name = new StringBuilder();
        for (String word : NOT_WORD.split(s.getName().toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && !SALT_WORDS.contains(word)) {
                name.append(word);
            }
        }
        return s.getCategory() + ":" + name;
    }
}

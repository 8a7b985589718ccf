package org.corridor.producer.status;

import java.util.ArrayList;
import java.util.List;

import org.corridor.schemas.avro.EffectiveMarkings;

/**
 * The markings the router released an alert's latest version under, as its routing decision recorded them: what a
 * re-share widens, and nothing else. Kept in the status as one line of text:
 * {@code version;tlp;handlingCode;addressed,...;releasable,... (or *: no list);excluded,...;restriction} (the
 * restriction text last, since it may hold any character).
 *
 * @param releasableTo        null: no releasable list
 * @param handlingRestriction the H3 text applied, or null (not applied, or not recorded by the decision)
 */
public record ReleasedMarkings(int version, String tlp, String handlingCode, List<String> addressedTo,
                               List<String> releasableTo, List<String> notReleasableTo, String handlingRestriction) {

    static ReleasedMarkings of(int version, EffectiveMarkings m) {
        return new ReleasedMarkings(version, m.getTlp(), m.getHandlingCode(), strings(m.getAddressedTo()),
                m.getReleasableTo() == null ? null : strings(m.getReleasableTo()), strings(m.getNotReleasableTo()),
                m.getHandlingRestriction());
    }

    String text() {
        return version + ";" + tlp + ";" + handlingCode + ";" + String.join(",", addressedTo) + ";"
                + (releasableTo == null ? "*" : String.join(",", releasableTo)) + ";" + String.join(",", notReleasableTo)
                + ";" + (handlingRestriction == null ? "" : handlingRestriction);
    }

    /** @throws IllegalArgumentException when the text is not this record's */
    static ReleasedMarkings parse(String text) {
        String[] f = text.split(";", 7);
        if (f.length != 7) {
            throw new IllegalArgumentException("not stored released markings: " + f.length + " fields, not 7");
        }
        try {
            return new ReleasedMarkings(Integer.parseInt(f[0]), f[1], f[2], list(f[3]), f[4].equals("*") ? null : list(f[4]),
                    list(f[5]), f[6].isEmpty() ? null : f[6]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not stored released markings: version \"" + f[0] + "\"", e);
        }
    }

    private static List<String> list(String csv) {
        return csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    private static List<String> strings(List<? extends CharSequence> values) {
        List<String> out = new ArrayList<>();
        for (CharSequence v : values) {
            out.add(v.toString());
        }
        return List.copyOf(out);
    }
}

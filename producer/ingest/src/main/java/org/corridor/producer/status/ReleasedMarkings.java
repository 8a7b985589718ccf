package org.corridor.producer.status;

import java.util.ArrayList;
import java.util.List;

import org.corridor.schemas.avro.EffectiveMarkings;

/**
 * The markings the router released an alert's latest version under, as its routing decision recorded them: what a
 * re-share widens, and nothing else. Kept in the status as one line of text:
 * {@code version;tlp;handlingCode;addressed,...;releasable,... (or *: no list);excluded,...}.
 *
 * @param releasableTo null: no releasable list
 */
public record ReleasedMarkings(int version, String tlp, String handlingCode, List<String> addressedTo,
                               List<String> releasableTo, List<String> notReleasableTo) {

    static ReleasedMarkings of(int version, EffectiveMarkings m) {
        return new ReleasedMarkings(version, m.getTlp(), m.getHandlingCode(), strings(m.getAddressedTo()),
                m.getReleasableTo() == null ? null : strings(m.getReleasableTo()), strings(m.getNotReleasableTo()));
    }

    String text() {
        return version + ";" + tlp + ";" + handlingCode + ";" + String.join(",", addressedTo) + ";"
                + (releasableTo == null ? "*" : String.join(",", releasableTo)) + ";" + String.join(",", notReleasableTo);
    }

    /** @throws IllegalArgumentException when the text is not this record's */
    static ReleasedMarkings parse(String text) {
        String[] f = text.split(";", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("not stored released markings: " + f.length + " fields, not 6");
        }
        try {
            return new ReleasedMarkings(Integer.parseInt(f[0]), f[1], f[2], list(f[3]), f[4].equals("*") ? null : list(f[4]),
                    list(f[5]));
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

package org.corridor.schemas.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.corridor.schemas.avro.Handling;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.reference.ReferenceData;

/** Handling markings: known bodies, TLP:RED addressees, H3 restriction text, no contradictory lists. */
final class HandlingRules {

    private HandlingRules() {
    }

    static void check(Handling handling, ReferenceData reference, Violations v) {
        if (!v.present("handling", handling)) {
            return;
        }
        v.present("handling.tlp", handling.getTlp());
        v.present("handling.handlingCode", handling.getHandlingCode());
        List<String> addressed = bodies("handling.addressedTo", handling.getAddressedTo(), reference, v);
        List<String> releasable = bodies("handling.releasableTo", handling.getReleasableTo(), reference, v);
        List<String> notReleasable = bodies("handling.notReleasableTo", handling.getNotReleasableTo(), reference, v);
        if (handling.getTlp() == Tlp.RED && addressed.isEmpty()) {
            v.add("handling.addressedTo", "TLP:RED needs at least one addressee");
        }
        String restriction = handling.getHandlingRestriction();
        if (handling.getHandlingCode() == HandlingCode.H3 && (restriction == null || restriction.isBlank())) {
            v.add("handling.handlingRestriction", "required with handling code H3");
        }
        Set<String> excluded = new HashSet<>(notReleasable);
        contradictions("handling.releasableTo", releasable, excluded, v);
        contradictions("handling.addressedTo", addressed, excluded, v);
        if (!releasable.isEmpty()) {
            Set<String> allowed = new HashSet<>(releasable);
            for (int i = 0; i < addressed.size(); i++) {
                if (!allowed.contains(addressed.get(i))) {
                    v.add("handling.addressedTo[" + i + "]", Texts.quote(addressed.get(i))
                            + " is addressed but not in releasableTo");
                }
            }
        }
    }

    /** Checks every id of a list; returns the list (empty when absent). */
    private static List<String> bodies(String path, List<String> ids, ReferenceData reference, Violations v) {
        if (!v.present(path, ids)) {
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            Texts.knownBody(v, path + "[" + i + "]", ids.get(i), reference);
        }
        return ids;
    }

    private static void contradictions(String path, List<String> ids, Set<String> excluded, Violations v) {
        for (int i = 0; i < ids.size(); i++) {
            if (excluded.contains(ids.get(i))) {
                v.add(path + "[" + i + "]", Texts.quote(ids.get(i)) + " is also in notReleasableTo");
            }
        }
    }
}

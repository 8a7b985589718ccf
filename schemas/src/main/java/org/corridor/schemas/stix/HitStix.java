package org.corridor.schemas.stix;

import org.corridor.schemas.avro.CorrelationHit;
import org.corridor.schemas.avro.CorrelationStatus;
import org.corridor.schemas.avro.LinkedAlert;
import tools.jackson.databind.node.ObjectNode;

/**
 * A correlation link as a {@code related-to} {@code relationship} between the two alerts' reports, only ever given to
 * a party that holds both (a body's links). Its id comes from the pair, so an update is a new version of it and a
 * withdrawal revokes it; {@code confidence} is the score in percent. Pure.
 */
public final class HitStix {

    private HitStix() {
    }

    public static ObjectNode relationship(CorrelationHit hit, Versioning v) {
        ObjectNode r = CorridorObjects.versioned("relationship", StixIds.of("relationship", "link/" + hit.getPair()), v);
        r.put("created_by_ref", CorridorObjects.identityId());
        r.put("relationship_type", "related-to");
        r.put("source_ref", report(hit.getA()));
        r.put("target_ref", report(hit.getB()));
        r.put("description", (hit.getKind() == null ? "" : hit.getKind().name() + " ") + "link, score " + hit.getScore()
                + (hit.getKeys().isEmpty() ? "" : ": " + String.join(", ", hit.getKeys())));
        r.put("confidence", (int) Math.round(Math.max(0, Math.min(1, hit.getScore())) * 100));
        if (hit.getStatus() == CorrelationStatus.WITHDRAWN) {
            r.put("revoked", true);
        }
        ObjectNode e = CorridorObjects.extension(r, "property-extension");
        e.put("status", hit.getStatus().name());
        if (hit.getKind() != null) {
            e.put("link_kind", hit.getKind().name());
        }
        e.put("score", hit.getScore());
        AlertStix.putAll(e, "keys", hit.getKeys());
        e.put("source_version", hit.getA().getVersion());
        e.put("target_version", hit.getB().getVersion());
        return r;
    }

    private static String report(LinkedAlert side) {
        return StixIds.report(side.getAgency(), side.getAlertId());
    }
}

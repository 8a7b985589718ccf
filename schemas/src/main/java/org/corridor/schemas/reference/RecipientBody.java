package org.corridor.schemas.reference;

import java.util.Locale;

/**
 * A body that receives a feed, such as {@code PARIS_PACT}.
 *
 * @param id   upper-case id used in alerts and routing rules
 * @param name human-readable name
 */
public record RecipientBody(String id, String name) {

    /** The id as it appears in topic names: lower case with hyphens, such as {@code paris-pact}. */
    public String topicSlug() {
        return id.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

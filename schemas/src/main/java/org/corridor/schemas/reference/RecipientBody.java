package org.corridor.schemas.reference;


/**
 * A body that receives a feed, such as {@code PARIS_PACT}.
 *
 * @param id   upper-case id used in alerts and routing rules
 * @param name human-readable name
 */
public record RecipientBody(String id, String name) {

    /** The id as it appears in topic names: lower case with hyphens, such as {@code paris-pact}. */
    public String topicSlug() {
        return org.corridor.schemas.topics.Topics.slug(id);
    }
}

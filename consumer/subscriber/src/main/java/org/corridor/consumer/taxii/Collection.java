package org.corridor.consumer.taxii;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.corridor.schemas.topics.Topics;

/**
 * The collections of a body's API root, each built from one of the body's own topics: its alerts (the feed), the
 * responses in its inbox, and the links between alerts it holds. All read-only: a body publishes nothing through
 * TAXII. Collection ids are derived from the body and the name, so they never change.
 */
enum Collection {

    ALERTS("alerts", "Alerts delivered to the body", "Every alert version on the body's feed, as STIX reports",
            Topics::feed),
    RESPONSES("responses", "Responses in the body's inbox", "Outcomes, questions, answers and comments on alerts the body "
            + "holds, as STIX notes and opinions", Topics::bodyInbox),
    LINKS("links", "Links between alerts the body holds", "Correlation links, as STIX related-to relationships",
            Topics::bodyLinks);

    private final String name;
    private final String title;
    private final String description;
    private final Function<String, String> topic;

    Collection(String name, String title, String description, Function<String, String> topic) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.topic = topic;
    }

    String id(String body) {
        return UUID.nameUUIDFromBytes(("corridor/taxii/" + body + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    String alias() {
        return name;
    }

    String topic(String body) {
        return topic.apply(body);
    }

    /** The collection of the body with this id (or alias), if any. */
    static Optional<Collection> of(String body, String id) {
        for (Collection c : values()) {
            if (c.id(body).equalsIgnoreCase(id) || c.name.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

package org.corridor.consumer.taxii;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * One version of one STIX object in a collection: the object, its {@code version} (its {@code modified}, else its
 * {@code created}, else when it was added), when the exchange added it ({@code date_added}, the feed record's
 * timestamp) and its place in the collection's one order (by date added, then where it is in the log).
 */
record Stored(ObjectNode object, String id, String type, String version, String specVersion, Instant dateAdded, long order) {

    static Stored of(ObjectNode object, Instant dateAdded, long order) {
        String version = object.has("modified") ? object.get("modified").asString()
                : object.has("created") ? object.get("created").asString() : Taxii.time(dateAdded);
        return new Stored(object, object.get("id").asString(), object.get("type").asString(), version,
                object.path("spec_version").asString("2.1"), dateAdded, order);
    }
}

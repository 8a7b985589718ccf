package org.corridor.registry.api;

/** The content types Confluent's registry speaks; the first is the default answer. */
final class MediaTypes {

    static final String V1 = "application/vnd.schemaregistry.v1+json";
    static final String GENERIC = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";

    private MediaTypes() {
    }
}

package org.corridor.producer.status;

/** The request attribute that carries the calling agency's id (set by the REST layer's authentication). */
public final class StatusAuth {

    public static final String AGENCY_ID = "corridor.agency-id";

    private StatusAuth() {
    }
}

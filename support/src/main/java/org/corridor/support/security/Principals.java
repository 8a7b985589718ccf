package org.corridor.support.security;

import org.corridor.schemas.topics.Topics;

/**
 * Names of Corridor's Kafka principals (SCRAM user names). The broker's ACLs are written for these names; see
 * docs/security.md.
 */
public final class Principals {

    public static final String ADMIN = "admin";
    public static final String ROUTER = "router";
    public static final String REGISTRY = "registry";
    public static final String MONITOR = "monitor";
    /** The agency REST service's own principal: reads audit and receipts for the status view; publishes as each agency. */
    public static final String INGEST = "ingest";
    /** The subscriber service's own principal: receipts, parking; reads each feed as that body. */
    public static final String SUBSCRIBER = "subscriber";

    /** The correlator's principal: reads every inbound alert and the audit, writes the correlations. */
    public static final String CORRELATOR = "correlator";

    private Principals() {
    }

    /** {@code agency-<id>}. */
    public static String agency(String agencyId) {
        return "agency-" + agencyId;
    }

    /** {@code body-<slug>}, such as {@code body-paris-pact}. */
    public static String body(String bodyId) {
        return "body-" + Topics.slug(bodyId);
    }

}

package org.corridor.consumer.linking;

import org.corridor.consumer.correlation.Report;

/**
 * What one input contributes to a routed version: the alert's facts (from the inbound topic; their {@code released}
 * is null) or how the router released it (from its decision). A version is routed once both are there.
 *
 * @param at when the record was written (its timestamp), to forget halves whose other half never comes
 */
record Side(int version, Report facts, Report.Released released, long at) {

    static Side facts(Report facts, long at) {
        return new Side(facts.version(), facts, null, at);
    }

    static Side released(int version, Report.Released released, long at) {
        return new Side(version, null, released, at);
    }

    /** This half with the other's missing part. */
    Side with(Side other) {
        return new Side(version, facts != null ? facts : other.facts, released != null ? released : other.released,
                Math.min(at, other.at));
    }

    boolean complete() {
        return facts != null && released != null;
    }

    Report report() {
        return new Report(facts.agency(), facts.agencyCountry(), facts.alertId(), facts.version(), facts.retracted(),
                facts.occurredOn(), facts.substances(), facts.countries(), facts.keys(), released);
    }
}

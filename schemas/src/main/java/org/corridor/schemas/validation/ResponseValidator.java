package org.corridor.schemas.validation;

import java.util.List;
import java.util.Objects;

import org.corridor.schemas.avro.AlertResponse;
import org.corridor.schemas.reference.ReferenceData;

/**
 * Checks a response to an alert ({@link AlertResponse}) against the contract's rules and returns every violation, in
 * field order, each named by its path as for alerts. It checks the response on its own: whether the responder may
 * respond to that alert version, and whether its markings are no wider than the version's, the exchange decides
 * against what it routed. Pure and thread-safe.
 */
public final class ResponseValidator {

    private final ReferenceData reference;

    public ResponseValidator(ReferenceData reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /** A validator on the bundled reference data. */
    public static ResponseValidator withDefaults() {
        return new ResponseValidator(ReferenceData.defaults());
    }

    /** Every violation of the response; empty when it is valid. */
    public List<Violation> validate(AlertResponse response) {
        Objects.requireNonNull(response, "response");
        Violations v = new Violations();
        ResponseRules.identity(response, reference, v);
        ResponseRules.kind(response, reference, v);
        ResponseRules.text(response, v);
        ResponseRules.requests(response, reference, v);
        HandlingRules.check(response.getHandling(), reference, v);
        if (response.getHandling() != null && response.getHandling().getRelaxes()) {
            v.add("handling.relaxes", "must be false: a response never relaxes the markings of the alert");
        }
        v.present("respondedAt", response.getRespondedAt());
        return v.toList();
    }

    /**
     * @throws InvalidResponseException listing every violation, when there is any
     */
    public void requireValid(AlertResponse response) {
        List<Violation> violations = validate(response);
        if (!violations.isEmpty()) {
            throw new InvalidResponseException(violations);
        }
    }
}

package org.corridor.schemas.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;

/**
 * Checks an alert against the contract's rules and returns every violation, in field order. Pure and thread-safe;
 * the same validator serves the publisher library, the REST ingest and the router.
 */
public final class AlertValidator {

    /** The furthest-ahead time zone: an event dated "today" anywhere on Earth is not in the future. */
    private static final ZoneOffset EARLIEST_DAY_ON_EARTH = ZoneOffset.ofHours(14);

    private final ReferenceData reference;
    private final Clock clock;

    public AlertValidator(ReferenceData reference, Clock clock) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A validator on the bundled reference data and the system clock. */
    public static AlertValidator withDefaults() {
        return new AlertValidator(ReferenceData.defaults(), Clock.systemUTC());
    }

    /** Every violation of the alert; empty when it is valid. */
    public List<Violation> validate(TraffickingAlert alert) {
        Objects.requireNonNull(alert, "alert");
        Violations v = new Violations();
        IdentityRules.check(alert, LocalDate.now(clock.withZone(EARLIEST_DAY_ON_EARTH)), v);
        SubstanceRules.check(alert, reference, v);
        RouteRules.check(alert.getRoute(), v);
        IdentifierRules.check(alert.getIdentifiers(), v);
        HandlingRules.check(alert.getHandling(), reference, v);
        return v.toList();
    }

    /**
     * @throws InvalidAlertException listing every violation, when there is any
     */
    public void requireValid(TraffickingAlert alert) {
        List<Violation> violations = validate(alert);
        if (!violations.isEmpty()) {
            throw new InvalidAlertException(violations);
        }
    }
}

package org.corridor.schemas.reference;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A country's membership of a body over a period.
 *
 * @param body    body id
 * @param country ISO 3166-1 alpha-2 code
 * @param since   first day of membership; empty when it predates the data
 * @param until   the day the membership ended (not a member from then on); empty while it lasts
 */
public record Membership(String body, String country, Optional<LocalDate> since, Optional<LocalDate> until) {

    /** Whether the country was a member on that date. */
    public boolean validOn(LocalDate date) {
        return since.map(s -> !date.isBefore(s)).orElse(true)
                && until.map(u -> date.isBefore(u)).orElse(true);
    }
}

package org.corridor.consumer.routing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import org.corridor.schemas.avro.AlertKind;
import org.corridor.schemas.avro.Priority;
import org.corridor.schemas.avro.QuantityUnit;
import org.corridor.schemas.avro.SubstanceCategory;
import org.corridor.schemas.avro.Tlp;

/**
 * What a rule asks of an alert. Every present condition must hold; an empty set or empty optional is no condition.
 *
 * @param kinds                the alert's kind is one of these
 * @param priorities           its priority is one of these
 * @param categories           some substance has one of these categories
 * @param casNumbers           some substance has one of these CAS numbers
 * @param minQuantity          some substance has at least this amount in this unit (kg/g and l/ml are converted)
 * @param routeCountries       some route country is one of these (ISO 3166-1 alpha-2)
 * @param routeMemberOf        some route country was a member of this body on occurredOn
 * @param eventCountryMemberOf the event country was a member of this body on occurredOn
 * @param minRouteCountries    the route has at least this many distinct countries
 * @param tlp                  the TLP marking is one of these
 * @param hasConcealment       a concealment method is (true) or is not (false) given
 */
public record Condition(Set<AlertKind> kinds, Set<Priority> priorities, Set<SubstanceCategory> categories,
                        Set<String> casNumbers, Optional<MinQuantity> minQuantity, Set<String> routeCountries,
                        Optional<String> routeMemberOf,
                        Optional<String> eventCountryMemberOf, Optional<Integer> minRouteCountries, Set<Tlp> tlp,
                        Optional<Boolean> hasConcealment) {

    /** An amount threshold. */
    public record MinQuantity(BigDecimal amount, QuantityUnit unit) {
    }
}

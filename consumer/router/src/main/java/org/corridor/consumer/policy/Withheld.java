package org.corridor.consumer.policy;

import org.corridor.schemas.avro.WithholdReason;

/**
 * A body that does not receive an alert, and why.
 *
 * @param body   body id
 * @param reason machine-readable reason
 * @param detail explanation for people
 */
public record Withheld(String body, WithholdReason reason, String detail) {
}

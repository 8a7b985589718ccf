package org.corridor.consumer.linking;

import org.corridor.consumer.correlation.Report;

/**
 * A routed version entering ({@code member}) or leaving a blocking key: either way it is compared with the key's other
 * members, so a correction that no longer shares a key with an alert still tells the pair.
 */
record BlockOp(String block, Report report, boolean member) {
}

/** Meter names of the consumer module, in one place: prefix {@code corridor.}, bounded tags only. */
package org.corridor.consumer.metrics;

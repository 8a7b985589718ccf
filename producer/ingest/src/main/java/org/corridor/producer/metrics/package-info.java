/** Meter names of the producer module, in one place: prefix {@code corridor.}, bounded tags only. */
package org.corridor.producer.metrics;

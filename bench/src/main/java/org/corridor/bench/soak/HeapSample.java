package org.corridor.bench.soak;

/**
 * The platform's live heap after a full GC, taken when the soak had published {@code alerts} alerts.
 *
 * @param alerts   the published count the sample was asked for
 * @param seconds  since the start of the soak
 * @param usedMiB  the live objects after a full GC (the total of jcmd GC.class_histogram), -1 when it could not be read
 * @param error    why it could not be read, null when it was
 */
public record HeapSample(long alerts, double seconds, double usedMiB, String error) {
}

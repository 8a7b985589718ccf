package org.corridor.bench.soak;

import java.util.List;
import java.util.Locale;

/**
 * Whether the live heap stayed flat after warm-up: every sample after the first within {@code tolerance} (a fraction)
 * of the first, {@code |later - first| / first}. The acceptance takes the samples at 300k and 900k alerts and
 * 10 %. A sample that could not be read fails the judgement; fewer than two samples cannot be judged. Pure.
 *
 * @param judged  whether there were two samples or more to compare
 * @param flat    judged and within tolerance
 * @param reason  for a person: the figures compared and the verdict
 */
public record HeapFlatness(boolean judged, boolean flat, String reason) {

    public static HeapFlatness of(List<HeapSample> samples, double tolerance) {
        for (HeapSample s : samples) {
            if (s.error() != null) {
                return new HeapFlatness(true, false, "the heap sample at " + s.alerts() + " alerts failed: " + s.error());
            }
        }
        if (samples.size() < 2) {
            return new HeapFlatness(false, false, samples.size() + " heap sample(s) taken, 2 needed: the soak did not reach"
                    + " the counts of --heap-at, or had no --pid");
        }
        HeapSample first = samples.get(0);
        double worst = 0;
        HeapSample worstSample = first;
        for (HeapSample s : samples.subList(1, samples.size())) {
            double change = Math.abs(s.usedMiB() - first.usedMiB()) / Math.max(first.usedMiB(), 1e-9);
            if (change >= worst) {
                worst = change;
                worstSample = s;
            }
        }
        boolean flat = worst <= tolerance;
        return new HeapFlatness(true, flat, String.format(Locale.ROOT, "live heap %.1f MiB at %d alerts, %.1f MiB at %d: %+.1f %%, %s %.0f %%",
                first.usedMiB(), first.alerts(), worstSample.usedMiB(), worstSample.alerts(),
                100 * (worstSample.usedMiB() - first.usedMiB()) / Math.max(first.usedMiB(), 1e-9),
                flat ? "within" : "more than", 100 * tolerance));
    }
}

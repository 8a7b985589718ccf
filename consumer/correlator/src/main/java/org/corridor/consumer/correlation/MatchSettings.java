package org.corridor.consumer.correlation;

/**
 * How alike two reports must be to be linked as one event.
 *
 * @param windowDays        the most days between their {@code occurredOn} (default 7)
 * @param quantityTolerance the largest relative difference of a shared substance's amounts (default 0.15: 15 %)
 * @param threshold         the least score of an event match (default 0.70)
 */
public record MatchSettings(int windowDays, double quantityTolerance, double threshold) {

    public static final MatchSettings DEFAULTS = new MatchSettings(7, 0.15, 0.70);
    /** Ten years: events further apart are not one event. */
    public static final int MAX_WINDOW_DAYS = 3660;

    public MatchSettings {
        if (windowDays < 0 || windowDays > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("windowDays must be between 0 and " + MAX_WINDOW_DAYS + ", was " + windowDays);
        }
        if (!(quantityTolerance > 0 && quantityTolerance < 1)) {
            throw new IllegalArgumentException("quantityTolerance must be between 0 and 1, was " + quantityTolerance);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be above 0 and at most 1, was " + threshold);
        }
    }
}

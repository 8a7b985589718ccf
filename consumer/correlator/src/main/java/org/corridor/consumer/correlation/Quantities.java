package org.corridor.consumer.correlation;

import java.math.BigDecimal;

import org.corridor.schemas.avro.QuantityUnit;

/** Quantities in a base unit per dimension, so 412.5 kg and 412,500 g compare equal. Pure. */
public final class Quantities {

    /** What a quantity measures; amounts of different dimensions are never compared. */
    public enum Dimension { MASS, VOLUME, COUNT }

    /** An amount in grams (mass), millilitres (volume) or units (count). */
    public record Measure(Dimension dimension, double base) {
    }

    private Quantities() {
    }

    public static Measure of(BigDecimal amount, QuantityUnit unit) {
        double v = amount.doubleValue();
        return switch (unit) {
            case KG -> new Measure(Dimension.MASS, v * 1000);
            case G -> new Measure(Dimension.MASS, v);
            case L -> new Measure(Dimension.VOLUME, v * 1000);
            case ML -> new Measure(Dimension.VOLUME, v);
            case UNITS, TABLETS -> new Measure(Dimension.COUNT, v);
        };
    }

    /** |a - b| / max(a, b), or NaN when they measure different things. */
    static double relativeDifference(Measure a, Measure b) {
        if (a.dimension() != b.dimension()) {
            return Double.NaN;
        }
        double max = Math.max(a.base(), b.base());
        return max == 0 ? 0 : Math.abs(a.base() - b.base()) / max;
    }
}

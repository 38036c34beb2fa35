package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.spi.ParamSpec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A tunable parameter in the samplers' internal space. Numbers live on a line (the log of the value
 * when the parameter is log-scaled); an int {@code v} covers {@code [v-0.5, v+0.5]} of the line so
 * a continuous draw rounds to every int with a fair share. Categories are indexes into the choices.
 */
final class SearchDimension {
    final ParamSpec spec;
    /** Bounds of the internal line (numeric parameters only). */
    final double low;
    final double high;

    private SearchDimension(ParamSpec spec) {
        this.spec = spec;
        boolean isInt = spec.kind() == ParamSpec.Kind.INT;
        this.low = toLine(isInt ? spec.low() - 0.5 : spec.low());
        this.high = toLine(isInt ? spec.high() + 0.5 : spec.high());
    }

    static List<SearchDimension> tunable(List<ParamSpec> specs) {
        return specs.stream().filter(ParamSpec::tunable).map(SearchDimension::new).toList();
    }

    boolean categorical() {
        return spec.kind() == ParamSpec.Kind.CATEGORICAL;
    }

    int numChoices() {
        return spec.choices().size();
    }

    String name() {
        return spec.name();
    }

    /** A point of the line as the parameter's value: Integer (rounded, in range) or Double. */
    Object valueAt(double x) {
        double v = spec.log() ? Math.exp(x) : x;
        if (spec.kind() == ParamSpec.Kind.INT) {
            return (int) Math.max(spec.low(), Math.min(spec.high(), Math.round(v)));
        }
        return Math.max(spec.low(), Math.min(spec.high(), v));
    }

    /**
     * Where a stored value lies internally (the line for numbers, the choice index for categories),
     * or NaN when it does not fit this parameter any more (e.g. the space changed since it was stored).
     */
    double internal(Object value) {
        if (categorical()) {
            int index = spec.choices().indexOf(String.valueOf(value));
            return index < 0 ? Double.NaN : index;
        }
        if (!(value instanceof Number n) || !(n.doubleValue() >= spec.low() && n.doubleValue() <= spec.high())) {
            return Double.NaN;
        }
        return toLine(n.doubleValue());
    }

    /** A uniform draw: over the line for numbers, over the choices for categories. */
    Object uniform(SplittableRandom rng) {
        if (categorical()) {
            return spec.choices().get(rng.nextInt(numChoices()));
        }
        return valueAt(low + (high - low) * rng.nextDouble());
    }

    private double toLine(double v) {
        return spec.log() ? Math.log(v) : v;
    }
}

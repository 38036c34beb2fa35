package io.recsyslite.core.spi;

import io.recsyslite.core.error.InvalidParameterException;
import java.util.List;

/**
 * One hyperparameter: its name, type, default and tuning range. A tuner samples numeric
 * parameters from {@code [low, high]} (on a log scale when {@code log}) and categorical ones from
 * {@code choices}; parameters that are not {@code tunable} keep their default while tuning.
 */
public record ParamSpec(String name, Kind kind, Object defaultValue, double low, double high, boolean log,
                        List<String> choices, boolean tunable) {
    public enum Kind { INT, FLOAT, CATEGORICAL }

    public ParamSpec {
        choices = List.copyOf(choices);
        if (kind != Kind.CATEGORICAL && tunable && (low > high || (log && low <= 0))) {
            throw new IllegalArgumentException("bad tuning range for " + name);
        }
    }

    public static ParamSpec intRange(String name, int defaultValue, int low, int high) {
        return new ParamSpec(name, Kind.INT, defaultValue, low, high, false, List.of(), true);
    }

    public static ParamSpec intLogRange(String name, int defaultValue, int low, int high) {
        return new ParamSpec(name, Kind.INT, defaultValue, low, high, true, List.of(), true);
    }

    public static ParamSpec floatRange(String name, double defaultValue, double low, double high) {
        return new ParamSpec(name, Kind.FLOAT, defaultValue, low, high, false, List.of(), true);
    }

    public static ParamSpec floatLogRange(String name, double defaultValue, double low, double high) {
        return new ParamSpec(name, Kind.FLOAT, defaultValue, low, high, true, List.of(), true);
    }

    public static ParamSpec categorical(String name, String defaultValue, String... choices) {
        return new ParamSpec(name, Kind.CATEGORICAL, defaultValue, 0, 0, false, List.of(choices), true);
    }

    /** A parameter with a default but no tuning range. */
    public static ParamSpec fixedInt(String name, int defaultValue) {
        return new ParamSpec(name, Kind.INT, defaultValue, 0, 0, false, List.of(), false);
    }

    public static ParamSpec fixedFloat(String name, double defaultValue) {
        return new ParamSpec(name, Kind.FLOAT, defaultValue, 0, 0, false, List.of(), false);
    }

    public static ParamSpec fixedCategorical(String name, String defaultValue, String... choices) {
        return new ParamSpec(name, Kind.CATEGORICAL, defaultValue, 0, 0, false, List.of(choices), false);
    }

    /** Converts a given value (a number, or a string from a command line) to this parameter's type. */
    Object coerce(Object value) {
        try {
            return switch (kind) {
                case INT -> {
                    if (value instanceof Number n) {
                        if (n.doubleValue() != Math.rint(n.doubleValue())) {
                            throw new NumberFormatException();
                        }
                        yield n.intValue();
                    }
                    yield Integer.parseInt(value.toString().trim());
                }
                case FLOAT -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
                case CATEGORICAL -> {
                    String s = value.toString();
                    if (!choices.isEmpty() && !choices.contains(s)) {
                        throw new InvalidParameterException("parameter '" + name + "' must be one of "
                                + choices + ", was '" + s + "'");
                    }
                    yield s;
                }
            };
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("parameter '" + name + "' must be "
                    + (kind == Kind.INT ? "an integer" : "a number") + ", was '" + value + "'");
        }
    }
}

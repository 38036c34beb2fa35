package io.recsyslite.core.spi;

import io.recsyslite.core.error.InvalidParameterException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolved hyperparameter values (Integer, Double or String), built by {@link ParamSpace#resolve}.
 * Immutable.
 */
public final class Params {
    private final Map<String, Object> values;

    Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public float getFloat(String name) {
        return ((Number) get(name)).floatValue();
    }

    public String getString(String name) {
        return get(name).toString();
    }

    /** An int that must be at least {@code min}; otherwise a clear error. */
    public int getInt(String name, int min) {
        int v = getInt(name);
        if (v < min) {
            throw new InvalidParameterException("parameter '" + name + "' must be >= " + min + ", was " + v);
        }
        return v;
    }

    /** A number that must be at least {@code min}; otherwise a clear error. */
    public double getDouble(String name, double min) {
        double v = getDouble(name);
        if (!(v >= min)) {
            throw new InvalidParameterException("parameter '" + name + "' must be >= " + min + ", was " + v);
        }
        return v;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new InvalidParameterException("no parameter '" + name + "'; known: " + values.keySet());
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

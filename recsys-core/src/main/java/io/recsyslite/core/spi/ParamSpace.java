package io.recsyslite.core.spi;

import io.recsyslite.core.error.UnknownNameException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hyperparameters an algorithm declares, in a fixed order. Immutable. */
public record ParamSpace(List<ParamSpec> specs) {
    public ParamSpace {
        specs = List.copyOf(specs);
    }

    public static ParamSpace of(ParamSpec... specs) {
        return new ParamSpace(List.of(specs));
    }

    public ParamSpec spec(String name) {
        for (ParamSpec s : specs) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new UnknownNameException("parameter", name, specs.stream().map(ParamSpec::name).toList());
    }

    /** All defaults. */
    public Params defaults() {
        return resolve(Map.of());
    }

    /**
     * Defaults overridden by {@code given}; values may be numbers or strings. An unknown name or a
     * value of the wrong type is rejected with a message naming the parameter.
     */
    public Params resolve(Map<String, ?> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            values.put(s.name(), s.coerce(s.defaultValue()));
        }
        given.forEach((name, value) -> values.put(name, spec(name).coerce(value)));
        return new Params(values);
    }
}

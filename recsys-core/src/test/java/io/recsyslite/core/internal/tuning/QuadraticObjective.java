package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import java.util.Map;

/** A bowl to minimize: 0 at x = 1.3, lr = 1e-3, kind = "b"; lr is searched on a log scale. */
final class QuadraticObjective implements Objective {
    static final ParamSpace SPACE = ParamSpace.of(
            ParamSpec.floatRange("x", 0.0, -5.0, 5.0),
            ParamSpec.floatLogRange("lr", 0.1, 1e-6, 1.0),
            ParamSpec.categorical("kind", "a", "a", "b", "c", "d"),
            ParamSpec.fixedInt("unused", 7));
    private static final Map<String, Double> KIND_PENALTY = Map.of("a", 2.0, "b", 0.0, "c", 1.0, "d", 3.0);

    @Override
    public double evaluate(Params p, TrialReporter reporter) {
        double dx = p.getDouble("x") - 1.3;
        double dlr = Math.log10(p.getDouble("lr")) + 3;
        return dx * dx + dlr * dlr + KIND_PENALTY.get(p.getString("kind"));
    }
}

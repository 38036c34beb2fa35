package io.recsyslite.spark;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line parameters split in two: those the embedded provider also knows (they go to
 * model.json {@code params}, which the embedded {@code load} resolves against its own space, so
 * nothing else may be there) and the Spark-only ones (recorded under {@code model.spark_params}).
 * Both resolved with their defaults. Immutable.
 *
 * @param shared    parameters with the embedded provider's names and meaning
 * @param sparkOnly parameters that only steer the Spark job
 */
public record SplitParams(Params shared, Params sparkOnly) {
    /** Resolves {@code given} against both spaces; a name neither knows is rejected with both lists. */
    public static SplitParams resolve(ParamSpace sharedSpace, ParamSpace sparkSpace, Map<String, String> given) {
        Map<String, String> shared = new LinkedHashMap<>();
        Map<String, String> spark = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (knows(sharedSpace, e.getKey())) {
                shared.put(e.getKey(), e.getValue());
            } else if (knows(sparkSpace, e.getKey())) {
                spark.put(e.getKey(), e.getValue());
            } else {
                List<String> known = new ArrayList<>(names(sharedSpace));
                known.addAll(names(sparkSpace));
                throw new InvalidParameterException("unknown parameter '" + e.getKey() + "'; known: " + known);
            }
        }
        return new SplitParams(sharedSpace.resolve(shared), sparkSpace.resolve(spark));
    }

    private static boolean knows(ParamSpace space, String name) {
        return names(space).contains(name);
    }

    private static List<String> names(ParamSpace space) {
        return space.specs().stream().map(ParamSpec::name).toList();
    }
}

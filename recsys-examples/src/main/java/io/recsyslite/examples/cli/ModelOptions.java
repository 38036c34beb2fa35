package io.recsyslite.examples.cli;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.spi.Algorithms;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of commands that fit a model: parameters and how events become confidences. */
final class ModelOptions {
    @Option(names = {"-p", "--param"}, description = "A model parameter, e.g. --param factors=128 (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--weighting", defaultValue = "qty",
            description = "How events become confidences: qty, count, log_qty or binary (default: ${DEFAULT-VALUE}).")
    String weighting;

    @Option(names = "--event-weight", description = "Confidence weight of an event type, e.g. --event-weight "
            + "view=0.2 (repeatable; defaults: view=0.1, click=0.25, add_to_cart=0.5, purchase=1; events without "
            + "a type or of another type weigh 1).")
    Map<String, Double> eventWeights = new LinkedHashMap<>();

    @Option(names = "--half-life-days", defaultValue = "0",
            description = "Time decay half life in days, 0 for none (default: ${DEFAULT-VALUE}).")
    double halfLifeDays;

    ConfidenceWeighting weighting() {
        ConfidenceWeighting.Quantity quantity;
        try {
            quantity = ConfidenceWeighting.Quantity.valueOf(weighting.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.recsyslite.core.error.InvalidParameterException(
                    "--weighting must be qty, count, log_qty or binary, was '" + weighting + "'");
        }
        Map<String, Double> types = new LinkedHashMap<>(ConfidenceWeighting.DEFAULT_EVENT_TYPE_WEIGHTS);
        eventWeights.forEach((type, weight) -> types.put(type.toLowerCase(Locale.ROOT), weight));
        return new ConfidenceWeighting(quantity, Math.round(halfLifeDays * 86_400), 0, types);
    }

    /** Algorithm names for help texts and completion, from the class path. */
    static final class AlgorithmNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Algorithms.discover().names().iterator();
        }
    }
}

package io.recsyslite.examples.cli;

import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.RecommenderProvider;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys-lite algorithms}: what can be trained, with parameters and tuning ranges. */
@Command(name = "algorithms", mixinStandardHelpOptions = true,
        description = "List the algorithms on the class path with their parameters.")
final class AlgorithmsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Algorithms algorithms = Algorithms.discover();
        var out = spec.commandLine().getOut();
        for (String name : algorithms.names()) {
            RecommenderProvider p = algorithms.get(name);
            out.printf("%s  %s%n", name, p.description());
            out.print(parameters(p));
        }
        return 0;
    }

    /** One line per parameter: name, default, and the range the tuner searches (or the allowed values). */
    static String parameters(RecommenderProvider provider) {
        StringBuilder lines = new StringBuilder();
        for (ParamSpec s : provider.paramSpace().specs()) {
            lines.append(String.format("    %-20s default %-10s %s", s.name(), s.defaultValue(), range(s)).stripTrailing())
                    .append(System.lineSeparator());
        }
        return lines.toString();
    }

    private static String range(ParamSpec s) {
        if (!s.tunable()) {
            return s.choices().isEmpty() ? "" : "one of " + s.choices();
        }
        return switch (s.kind()) {
            case CATEGORICAL -> "tuned over " + s.choices();
            case INT -> String.format("tuned in [%d, %d]%s", (long) s.low(), (long) s.high(), s.log() ? " (log)" : "");
            case FLOAT -> "tuned in [" + plain(s.low()) + ", " + plain(s.high()) + "]" + (s.log() ? " (log)" : "");
        };
    }

    /** A bound as written in the provider, e.g. 0.001 or 100, not 1.00000e-03. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

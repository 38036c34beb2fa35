package io.recsyslite.examples.cli;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.spi.Algorithms;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the automatic algorithm choice ({@code train auto}). */
final class AutoOptions {
    /**
     * Cheapest first, so a short budget still measures the fast ones; EASE late because its fit
     * grows with the cube of the catalogue, gru4rec last. Algorithms not listed follow in discovery order.
     */
    static final List<String> PREFERRED_ORDER = List.of("popularity", "itemknn", "als", "bpr", "lightfm", "item2vec",
            "ease", "gru4rec");

    @Option(names = "--budget", defaultValue = "10m",
            description = "auto: time for trying candidates, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}); checked "
                    + "before each candidate's fit.")
    String budget;

    @Option(names = "--candidates", split = ",",
            description = "auto: the algorithms to try (default: every algorithm on the class path, cheapest first).")
    List<String> candidates;

    List<String> candidates() {
        if (candidates != null) {
            return candidates;
        }
        List<String> names = Algorithms.discover().names();
        List<String> ordered = new ArrayList<>(PREFERRED_ORDER.stream().filter(names::contains).toList());
        names.stream().filter(n -> !ordered.contains(n)).forEach(ordered::add);
        return ordered;
    }

    Duration budget() {
        String b = budget.trim().toLowerCase(Locale.ROOT);
        try {
            long n = Long.parseLong(b.substring(0, b.length() - 1));
            switch (b.charAt(b.length() - 1)) {
                case 's': return Duration.ofSeconds(n);
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                default: break;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        throw new InvalidParameterException("--budget must be a number with s, m or h (e.g. 10m), was '" + budget + "'");
    }

    /** Prints model.json's selection record: every candidate's score and the reason. */
    @SuppressWarnings("unchecked")
    static void print(PrintWriter out, Map<String, Object> selection) {
        out.println("Automatic choice on a validation split (" + selection.get("split") + "):");
        ((Map<String, Object>) selection.get("candidates")).forEach((name, score) -> out.printf("  %-12s %s%n", name,
                score instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : score));
        out.println("Chose " + selection.get("winner") + ": " + selection.get("reason"));
    }
}

package io.recsyslite.examples.cli;

import java.util.Map;
import java.util.stream.Collectors;

/** Formats metric values for the terminal. */
final class MetricsTable {
    private MetricsTable() {
    }

    static String line(Map<String, Double> values) {
        return values.entrySet().stream().map(e -> String.format("%s=%.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining("  "));
    }
}

package io.recsyslite.benchmarks.sample;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the synthetic shop generator: streaming events to a no-op sink, building TrainingData in
 * memory, and writing events.parquet + items.csv. Arguments: events (default 10,000,000) and
 * repetitions (default 3); prints each run and the medians.
 */
public final class SampleShopSpeed {
    private SampleShopSpeed() {
    }

    /** Something to time; returns a value so the work cannot be optimised away. */
    @FunctionalInterface
    private interface Work {
        long run() throws IOException;
    }

    public static void main(String[] args) throws IOException {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SampleShopGenerator generator = new SampleShopGenerator(SampleShopConfig.ofEvents(events));
        System.out.println("config: " + generator.config());
        Path dir = Files.createTempDirectory("sample-shop-speed");
        try {
            time("stream to a no-op sink", events, repetitions, () -> {
                long[] checksum = new long[1];
                generator.generate((user, item, ts, qty) -> checksum[0] += item ^ ts);
                return checksum[0];
            });
            time("in-memory TrainingData", events, repetitions, () -> {
                TrainingData data = generator.trainingData(ConfidenceWeighting.byQuantity());
                return data.interactions().nnz();
            });
            time("write events.parquet + items.csv", events, repetitions, () -> {
                generator.writeTo(dir);
                return Files.size(dir.resolve("events.parquet"));
            });
            System.out.printf(Locale.ROOT, "events.parquet: %.1f MB%n", Files.size(dir.resolve("events.parquet")) / 1e6);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void time(String what, long events, int repetitions, Work work) throws IOException {
        double[] seconds = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            long result = work.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s run %d: %.2f s (%d)%n", what, r + 1, seconds[r], result);
        }
        Arrays.sort(seconds);
        double median = seconds[repetitions / 2];
        System.out.printf(Locale.ROOT, "%s: median %.2f s = %.2f M events/s%n", what, median, events / median / 1e6);
    }
}

package io.recsyslite.examples.cli;

import io.recsyslite.core.spi.TrainingContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that fit models (train, evaluate, optimize, worker): threads and seed. */
final class TrainingOptions {
    @Mixin
    ThreadsOption threads;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    TrainingContext context(ConsoleProgress progress) {
        return new TrainingContext(threads.threads(), seed, progress, null);
    }
}

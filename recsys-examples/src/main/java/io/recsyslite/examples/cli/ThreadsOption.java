package io.recsyslite.examples.cli;

import io.recsyslite.examples.config.Settings;
import picocli.CommandLine.Option;

/** {@code --threads}, for the commands that use several cores (fitting models, batch scoring). */
final class ThreadsOption {
    @Option(names = "--threads", description = "Worker threads (default: THREADS or the number of cores).")
    Integer threads;

    int threads() {
        return threads != null ? threads : Settings.fromEnvironment().threads();
    }
}

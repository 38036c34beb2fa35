package io.recsyslite.examples.cli;

import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.examples.config.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Options most commands share: the database, threads and seed, with defaults from the environment. */
final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--db", description = "DuckDB file (default: DB_PATH or data/recsys.db).")
    Path db;

    @Option(names = "--threads", description = "Worker threads (default: THREADS or the number of cores).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Read when a command runs, so a malformed variable is a one-line error rather than a crash. */
    Settings settings() {
        return Settings.fromEnvironment();
    }

    Path db() {
        return db != null ? db : settings().dbPath();
    }

    int threads() {
        return threads != null ? threads : settings().threads();
    }

    ConsoleProgress progress() {
        return ConsoleProgress.onStderr(spec);
    }

    TrainingContext context(ConsoleProgress progress) {
        return new TrainingContext(threads(), seed, progress, null);
    }
}

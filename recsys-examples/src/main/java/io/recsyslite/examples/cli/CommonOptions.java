package io.recsyslite.examples.cli;

import io.recsyslite.examples.config.Settings;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Options every command on a store shares: the database, with its default from the environment. */
final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--db", description = "DuckDB file (default: DB_PATH or data/recsys.db).")
    Path db;

    /** Read when a command runs, so a malformed variable is a one-line error rather than a crash. */
    Settings settings() {
        return Settings.fromEnvironment();
    }

    Path db() {
        return db != null ? db : settings().dbPath();
    }

    /**
     * The database of a command that only reads or changes what is stored: a missing file is a
     * typo, not a new empty store (a GDPR deletion must not report "0 events" for the wrong file).
     */
    Path existingDb() throws NoSuchFileException {
        return existing(db());
    }

    /** {@code path} if a database file is there; a missing one is a typo, not a new empty store. */
    static Path existing(Path path) throws NoSuchFileException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null,
                    "no database there yet; recsys-lite ingest creates it");
        }
        return path;
    }

    ConsoleProgress progress() {
        return ConsoleProgress.onStderr(spec);
    }
}

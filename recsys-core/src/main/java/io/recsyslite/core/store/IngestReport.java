package io.recsyslite.core.store;

import java.nio.file.Path;

/**
 * The outcome of ingesting one file.
 *
 * @param file                   the file as given
 * @param rows                   data rows added (0 when the file was skipped)
 * @param skippedAsDuplicateFile true when a file with the same content was ingested before
 * @param seconds                wall time of the whole ingest
 */
public record IngestReport(Path file, long rows, boolean skippedAsDuplicateFile, double seconds) {

    /** One line for people, e.g. for the CLI. */
    public String describe() {
        if (skippedAsDuplicateFile) {
            return file + ": already ingested, nothing added";
        }
        return String.format(java.util.Locale.ROOT, "%s: %d rows ingested in %.2f s", file, rows, seconds);
    }
}

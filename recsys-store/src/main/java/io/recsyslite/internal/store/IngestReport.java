package io.recsyslite.internal.store;

import java.nio.file.Path;

/**
 * The outcome of ingesting one file.
 *
 * @param file                   the file as given
 * @param rows                   data rows added (0 when the file was skipped)
 * @param deletedUserRows        rows not added because they are events of a user deleted (GDPR)
 *                               at or after the event's time
 * @param duplicateRows          rows not added because an event with the same key (see
 *                               {@link RecsysStore#DEFAULT_EVENT_KEY}) is stored already or came earlier
 *                               in the file: a re-export of stored events adds nothing
 * @param skippedAsDuplicateFile true when a file with the same content was ingested before
 * @param seconds                wall time of the whole ingest
 */
public record IngestReport(Path file, long rows, long deletedUserRows, long duplicateRows,
                           boolean skippedAsDuplicateFile, double seconds) {

    /** One line for people, e.g. for the CLI. */
    public String describe() {
        if (skippedAsDuplicateFile) {
            return file + ": already ingested, nothing added";
        }
        String erased = deletedUserRows == 0 ? ""
                : String.format(java.util.Locale.ROOT, " (%d rows of deleted users skipped)", deletedUserRows);
        String duplicates = duplicateRows == 0 ? ""
                : String.format(java.util.Locale.ROOT, " (%d rows already stored skipped)", duplicateRows);
        return String.format(java.util.Locale.ROOT, "%s: %d rows ingested in %.2f s%s%s", file, rows, seconds, erased,
                duplicates);
    }
}

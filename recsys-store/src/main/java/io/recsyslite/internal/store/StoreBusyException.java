package io.recsyslite.internal.store;

import io.recsyslite.core.error.RecsysException;

import java.nio.file.Path;

/**
 * The database file is held by another process (DuckDB allows one writer per file). A state of
 * the moment, not of the request: retry after a short wait. The message names neither the file
 * nor the process holding it, so it can be shown to API clients; {@link #dbFile()} has the file.
 */
public final class StoreBusyException extends RecsysException {
    private final transient Path dbFile;

    StoreBusyException(Path dbFile, Throwable cause) {
        super("The store is busy: another process is using the database; try again in a few seconds", cause);
        this.dbFile = dbFile;
    }

    /** The database file that could not be opened. */
    public Path dbFile() {
        return dbFile;
    }

    /** Whether DuckDB's open failure is another process holding the file's lock. */
    static boolean isLockConflict(Throwable e) {
        String m = e.getMessage();
        return m != null && (m.contains("Conflicting lock") || m.contains("Could not set lock"));
    }
}

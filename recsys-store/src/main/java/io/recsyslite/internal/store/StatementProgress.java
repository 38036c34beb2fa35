package io.recsyslite.internal.store;

import io.recsyslite.core.spi.ProgressListener;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reports how far DuckDB is with one long statement (staging, validating or inserting a large
 * file): a daemon thread reads the statement's query progress every quarter second and passes it
 * on as per-mille of the stage, until the statement ends. DuckDB's own progress bar stays off the
 * console. One instance per statement.
 */
final class StatementProgress implements AutoCloseable {
    private static final long POLL_MILLIS = 250;
    static final long SCALE = 1000;

    private final Thread poller;

    private StatementProgress(PreparedStatement ps, String stage, ProgressListener progress) {
        this.poller = new Thread(() -> poll(ps, stage, progress), "recsys-ingest-progress");
        poller.setDaemon(true);
        poller.start();
    }

    /** Turns DuckDB's progress tracking on for the connection, without its console output. */
    static void enable(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("SET enable_progress_bar = true");
            st.execute("SET enable_progress_bar_print = false");
        }
    }

    /** Starts reporting for {@code ps}, which the caller executes next; close it once done. */
    static StatementProgress watch(PreparedStatement ps, String stage, ProgressListener progress) {
        progress.update(stage, 0, SCALE);
        return new StatementProgress(ps, stage, progress);
    }

    private static void poll(PreparedStatement ps, String stage, ProgressListener progress) {
        try {
            DuckDBPreparedStatement duck = ps.unwrap(DuckDBPreparedStatement.class);
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(POLL_MILLIS);
                QueryProgress p = duck.getQueryProgress();
                if (p.getPercentage() >= 0) {
                    progress.update(stage, Math.min(SCALE - 1, Math.round(p.getPercentage() * SCALE / 100)), SCALE);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            // the statement ended (or cannot report); progress is best effort
        }
    }

    @Override
    public void close() {
        poller.interrupt();
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

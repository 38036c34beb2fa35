package io.recsyslite.internal.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes recommendation rows ({@code user_id, rank, item_id, score}) to one Parquet file through
 * DuckDB: rows go through DuckDB's appender into an in-memory table that spills to a temporary
 * directory beyond a fixed memory limit (DuckDB removes it on close), and {@link #finish()} copies it with DuckDB's Parquet
 * writer to a temporary file that is then renamed over the output, so the output is complete or
 * absent. Not thread-safe: one writer per output; owns a DuckDB connection, released by
 * {@link #close()}.
 */
final class ParquetRecommendationsWriter implements AutoCloseable {
    private static final String MEMORY_LIMIT = "512MB";

    private final Path output;
    private final Path spill;
    private final Connection conn;
    private final DuckDBAppender appender;

    ParquetRecommendationsWriter(Path output) throws IOException {
        this.output = output.toAbsolutePath();
        this.spill = this.output.resolveSibling("." + this.output.getFileName() + ".spill");
        try {
            conn = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement st = conn.createStatement()) {
                st.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
                st.execute("SET temp_directory = " + quoted(spill));
                st.execute("CREATE TABLE recs (user_id VARCHAR, rank INTEGER, item_id VARCHAR, score FLOAT)");
            }
            appender = conn.unwrap(DuckDBConnection.class).createAppender("main", "recs");
        } catch (SQLException e) {
            throw new IOException("could not start writing " + output + ": " + e.getMessage(), e);
        }
    }

    /** One row; {@code rank} starts at 1. */
    void append(String userId, int rank, String itemId, float score) throws IOException {
        try {
            appender.beginRow().append(userId).append(rank).append(itemId).append(score).endRow();
        } catch (SQLException e) {
            throw new IOException("could not append the recommendations of user " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Writes the Parquet file (in the order rows were appended) and moves it into place. */
    void finish() throws IOException {
        Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
        try (Statement st = conn.createStatement()) {
            appender.close();
            st.execute("COPY recs TO " + quoted(tmp) + " (FORMAT PARQUET)");
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("could not write " + output + ": " + e.getMessage(), e);
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        try {
            appender.close();
            conn.close();
        } catch (SQLException e) {
            throw new IOException("could not close the DuckDB writer of " + output + ": " + e.getMessage(), e);
        }
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}

package io.recsyslite.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Writes test input files: Parquet through an in-memory DuckDB, CSV as plain text. */
final class TestFiles {
    /** A timestamp well inside the accepted range (2021-07-17). */
    static final long TS = 1_626_533_119L;

    private TestFiles() {
    }

    /** Writes the rows of {@code selectSql} to a Parquet file. */
    static Path parquet(Path file, String selectSql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (" + selectSql + ") TO '" + file.toAbsolutePath() + "' (FORMAT PARQUET)");
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path csv(Path file, String... lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

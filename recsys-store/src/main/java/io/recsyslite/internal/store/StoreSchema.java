package io.recsyslite.internal.store;

import io.recsyslite.core.error.RecsysException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's tables. Creating them is idempotent; a {@code schema_version} row says which layout a
 * file has, so a file written by a newer library is refused instead of being misread.
 *
 * <p>Layout notes: {@code events.seq} is the global insertion order (ties in time keep it);
 * {@code events.ingest_id} and {@code items.ingest_id} point at {@code ingested_files.id};
 * {@code items.extra} is a JSON object holding the items file's extra columns as text;
 * {@code at} is a reserved word in DuckDB, so those columns are quoted ({@code "at"}) in SQL.
 * Version 2 added {@code events.event_type} and {@code events.session_id} (a visitor's event has a
 * session and no user until a login links them, see {@code session_links}); a version 1 file is
 * upgraded in place when opened.
 * Version 3 added online evaluation: {@code events.recommendation_id} (the answer an impression or
 * click was about) and {@code served}, one row per item of every recommendation answered (who got
 * it, from which A/B variant and algorithm, at which rank).
 */
public final class StoreSchema {
    static final int VERSION = 3;

    /** Tuning trials, written by {@code io.recsyslite.internal.tuning.DuckDbTrialStorage}. */
    public static final String TUNING_TRIALS = """
        CREATE TABLE IF NOT EXISTS tuning_trials(study VARCHAR NOT NULL, trial INTEGER NOT NULL,
            state VARCHAR NOT NULL, value DOUBLE, params VARCHAR, intermediate VARCHAR, error VARCHAR,
            started_at TIMESTAMP, finished_at TIMESTAMP, PRIMARY KEY (study, trial))""";

    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS ingested_files(id BIGINT NOT NULL, path VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL, kind VARCHAR NOT NULL, rows BIGINT NOT NULL, "at" TIMESTAMP NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS events(seq BIGINT NOT NULL, user_id VARCHAR,
            item_id VARCHAR NOT NULL, ts BIGINT NOT NULL, qty INTEGER NOT NULL, ingest_id BIGINT NOT NULL,
            event_type VARCHAR, session_id VARCHAR, recommendation_id VARCHAR)""",
        """
        CREATE TABLE IF NOT EXISTS served(recommendation_id VARCHAR NOT NULL, ts BIGINT NOT NULL,
            variant VARCHAR NOT NULL, algorithm VARCHAR, kind VARCHAR NOT NULL, user_id VARCHAR, session_id VARCHAR,
            item_id VARCHAR NOT NULL, rank INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS items(item_id VARCHAR PRIMARY KEY, title VARCHAR, category VARCHAR,
            brand VARCHAR, price DOUBLE, img_url VARCHAR, extra JSON, ingest_id BIGINT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS session_links(session_id VARCHAR NOT NULL, user_id VARCHAR NOT NULL,
            "at" TIMESTAMP NOT NULL)""",
        "CREATE TABLE IF NOT EXISTS deleted_users(user_id VARCHAR NOT NULL, \"at\" TIMESTAMP NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS audit_log("at" TIMESTAMP NOT NULL, actor VARCHAR NOT NULL,
            action VARCHAR NOT NULL, subject VARCHAR, details VARCHAR)""",
        TUNING_TRIALS,
        // the update worker's progress per model directory: events up to seq are folded into it
        "CREATE TABLE IF NOT EXISTS worker_marks(model_dir VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, \"at\" TIMESTAMP NOT NULL)",
        // erasures not yet applied to a model directory (written with the deletion, removed once scrubbed)
        "CREATE TABLE IF NOT EXISTS pending_erasures(user_id VARCHAR NOT NULL, model_dir VARCHAR NOT NULL, \"at\" TIMESTAMP NOT NULL)",
    };

    /** Upgrades a version 1 file's tables to version 2 (live events). */
    private static final String[] VERSION_1_TO_2 = {
        "ALTER TABLE events ADD COLUMN event_type VARCHAR",
        "ALTER TABLE events ADD COLUMN session_id VARCHAR",
        "ALTER TABLE events ALTER COLUMN user_id DROP NOT NULL",
    };

    /** Upgrades a version 2 file's tables to version 3 (online evaluation; {@code served} is created by the DDL). */
    private static final String[] VERSION_2_TO_3 = {
        "ALTER TABLE events ADD COLUMN recommendation_id VARCHAR",
    };

    private StoreSchema() {
    }

    /** Creates missing tables and checks the version, in one transaction. */
    static void createOrCheck(Connection conn, String dbName) throws SQLException {
        Transactions.run(conn, () -> {
            try (Statement st = conn.createStatement()) {
                for (String ddl : DDL) {
                    st.execute(ddl);
                }
                try (ResultSet rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
                    rs.next();
                    int version = rs.getInt(1);
                    if (rs.wasNull()) {
                        st.execute("INSERT INTO schema_version VALUES (" + VERSION + ")");
                    } else if (version > VERSION) {
                        throw new RecsysException(dbName + " has store schema version " + version
                                + " but this library reads up to " + VERSION + "; upgrade recsys-lite");
                    } else if (version < VERSION) {
                        if (version == 1) {
                            for (String ddl : VERSION_1_TO_2) {
                                st.execute(ddl);
                            }
                        }
                        for (String ddl : VERSION_2_TO_3) {
                            st.execute(ddl);
                        }
                        st.execute("UPDATE schema_version SET version = " + VERSION);
                    }
                }
            }
            return null;
        });
    }
}

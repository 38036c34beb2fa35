package io.recsyslite.core.store;

import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.spi.ProgressListener;
import io.recsyslite.core.store.DataContract.RowRule;
import io.recsyslite.core.store.DataContract.StagedColumn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ingests one events or items file: checksum, stage into a temporary table through DuckDB's own
 * reader, validate the data contract, then insert in one transaction, so a rejected or failing
 * file leaves the store as it was. The staged copy's rowid is the file's data row number minus one.
 */
final class FileIngester {
    private static final String STAGING = "recsys_staging";

    private final Connection conn;
    private final AuditLog audit;

    FileIngester(Connection conn, AuditLog audit) {
        this.conn = conn;
        this.audit = audit;
    }

    IngestReport ingest(Path file, DataContract contract, ProgressListener progress) throws SQLException {
        return ingest(file, contract, sha256(file, progress), progress);
    }

    /**
     * Ingests a file known by {@code identity} instead of its checksum (a journal segment, whose
     * content may equal an earlier one's while its events are new).
     */
    IngestReport ingest(Path file, DataContract contract, String identity, ProgressListener progress)
            throws SQLException {
        long started = System.nanoTime();
        String sha256 = identity;
        if (alreadyIngested(sha256, contract.kind)) {
            audit.write(AuditLog.STORE_ACTOR, action(contract), file.toString(), "already ingested, sha256=" + sha256);
            return new IngestReport(file, 0, 0, true, seconds(started));
        }
        // Staged outside the transaction: the temporary table is private to this connection, and
        // only committed rows have rowids 0..n-1 that give the row numbers.
        progress.update("validate", 0, 1);
        try {
            stage(file);
            Map<String, StagedColumn> staged = stagedColumns(file, contract);
            validate(file, contract, staged, progress);
            long[] rowsAndErased = Transactions.run(conn, () -> {
                progress.update("insert", 0, 1);
                long ingestId = nextIngestId();
                long inserted = contract.isEvents() ? insertEventsLinkingSessions(staged, ingestId)
                        : upsertItems(contract, staged, ingestId);
                // events not inserted are those of deleted users (see insertEvents)
                long erased = contract.isEvents() ? Sql.queryLong(conn, "SELECT count(*) FROM " + STAGING) - inserted : 0;
                recordFile(ingestId, file, sha256, contract.kind, inserted);
                audit.write(AuditLog.STORE_ACTOR, action(contract), file.toString(), "rows=" + inserted
                        + (erased > 0 ? ", skipped_deleted_user_rows=" + erased : "") + ", sha256=" + sha256);
                progress.update("insert", 1, 1);
                return new long[] {inserted, erased};
            });
            return new IngestReport(file, rowsAndErased[0], rowsAndErased[1], false, seconds(started));
        } catch (InvalidDataException e) {
            audit.write(AuditLog.STORE_ACTOR, action(contract), file.toString(), "rejected: " + e.getMessage());
            throw e;
        } finally {
            execute("DROP TABLE IF EXISTS " + STAGING);
        }
    }

    private static String action(DataContract contract) {
        return "ingest_" + contract.kind;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String sha256(Path file, ProgressListener progress) {
        try (InputStream in = Files.newInputStream(file)) {
            long total = Files.size(file);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long done = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                done += n;
                progress.update("checksum", done, total);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidDataException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private boolean alreadyIngested(String sha256, String kind) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT count(*) FROM ingested_files WHERE sha256 = ? AND kind = ?")) {
            ps.setString(1, sha256);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Copies the file into a temporary table with DuckDB's reader, keeping file order. */
    private void stage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String reader;
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            reader = "read_parquet(?)";
        } else if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            // Explicit dialect; every column as text so that the contract, not the sniffer, decides types.
            reader = "read_csv(?, header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true)";
        } else {
            throw new InvalidDataException(file + ": unsupported file type, expected .parquet or .csv");
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "CREATE OR REPLACE TEMP TABLE " + STAGING + " AS SELECT * FROM " + reader)) {
            ps.setString(1, file.toAbsolutePath().toString());
            ps.execute();
        } catch (SQLException e) {
            throw new InvalidDataException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The staged columns by lower-case name; fails when a required column is missing. */
    private Map<String, StagedColumn> stagedColumns(Path file, DataContract contract) throws SQLException {
        Map<String, StagedColumn> columns = new LinkedHashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE " + STAGING)) {
            while (rs.next()) {
                String name = rs.getString("column_name");
                columns.put(name.toLowerCase(Locale.ROOT), new StagedColumn(name, rs.getString("column_type")));
            }
        }
        for (String required : contract.required) {
            if (!columns.containsKey(required)) {
                String found = columns.values().stream().map(StagedColumn::name).collect(Collectors.joining(", "));
                throw new InvalidDataException(file + ": column " + required + ": missing column (the file has: "
                        + found + "); " + contract.kind + " files need " + String.join(", ", contract.required));
            }
        }
        return columns;
    }

    /** Finds the first row breaking a rule and rejects the file with its row and column. */
    private void validate(Path file, DataContract contract, Map<String, StagedColumn> staged,
                          ProgressListener progress) throws SQLException {
        List<RowRule> rules = contract.rules(staged, audit.nowMicros() / 1_000_000);
        StringBuilder column = new StringBuilder("CASE");
        StringBuilder message = new StringBuilder("CASE");
        for (RowRule rule : rules) {
            column.append(" WHEN ").append(rule.failsWhen()).append(" THEN ").append(Sql.literal(rule.column()));
            message.append(" WHEN ").append(rule.failsWhen()).append(" THEN ").append(rule.message());
        }
        String sql = "SELECT row_number, bad_column, problem FROM (SELECT rowid + 1 AS row_number, "
                + column + " END AS bad_column, " + message + " END AS problem FROM " + STAGING
                + ") WHERE bad_column IS NOT NULL ORDER BY row_number LIMIT 1";
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (rs.next()) {
                throw new InvalidDataException(file + ": row " + rs.getLong(1) + ", column " + rs.getString(2)
                        + ": " + rs.getString(3) + "; nothing from this file was ingested");
            }
        }
        progress.update("validate", 1, 1);
    }

    private long nextIngestId() throws SQLException {
        return Sql.queryLong(conn, "SELECT coalesce(max(id), 0) + 1 FROM ingested_files");
    }

    /**
     * Inserts the events; rows with both a session and a user id are logins, which link the
     * session to the user: the session's events, earlier and later ones, count for the user.
     */
    private long insertEventsLinkingSessions(Map<String, StagedColumn> staged, long ingestId) throws SQLException {
        StagedColumn session = staged.get("session_id");
        if (session == null) {
            return insertEvents(staged, ingestId);
        }
        String user = "nullif(" + text(staged.get("user_id")) + ", '')";
        String sessionId = "nullif(" + text(session) + ", '')";
        long links = executeUpdate("INSERT INTO session_links SELECT DISTINCT " + sessionId + ", " + user
                + ", make_timestamp(" + audit.nowMicros() + ") FROM " + STAGING
                + " WHERE " + user + " IS NOT NULL AND " + sessionId + " IS NOT NULL");
        long inserted = insertEvents(staged, ingestId);
        if (links > 0) {
            execute("""
                    UPDATE events SET user_id = l.user_id
                    FROM (SELECT session_id, arg_max(user_id, "at") AS user_id FROM session_links GROUP BY session_id) l
                    WHERE events.user_id IS NULL AND events.session_id = l.session_id""");
        }
        return inserted;
    }

    private long insertEvents(Map<String, StagedColumn> staged, long ingestId) throws SQLException {
        StagedColumn type = staged.get("event_type");
        StagedColumn session = staged.get("session_id");
        String sql = "INSERT INTO events (seq, user_id, item_id, ts, qty, ingest_id, event_type, session_id)"
                + " SELECT (SELECT coalesce(max(seq), 0) FROM events) + rowid + 1, "
                + userId(staged) + ", " + text(staged.get("item_id")) + ", "
                + DataContract.integerValue(staged.get("ts"), "BIGINT") + ", "
                + DataContract.integerValue(staged.get("qty"), "INTEGER") + ", " + ingestId + ", "
                + (type == null ? "NULL" : "lower(trim(" + text(type) + "))") + ", "
                + (session == null ? "NULL" : "nullif(" + text(session) + ", '')")
                + " FROM " + STAGING + " WHERE NOT (" + erasedByDeletion(staged) + ")";
        return executeUpdate(sql);
    }

    /**
     * A staged event of a user deleted (GDPR) at or after the event's time: data the deletion erased,
     * so re-ingesting an old file must not bring it back. Events after the deletion are new activity.
     */
    private static String erasedByDeletion(Map<String, StagedColumn> staged) {
        // deleted_users' columns renamed, so that the staged file's user_id cannot resolve to them
        return "EXISTS (SELECT 1 FROM (SELECT user_id AS deleted_id, epoch(\"at\") AS deleted_at FROM deleted_users) d"
                + " WHERE d.deleted_id = " + userId(staged)
                + " AND " + DataContract.integerValue(staged.get("ts"), "BIGINT") + " <= d.deleted_at)";
    }

    /** Upserts items by id; within one file the last row of an id wins. */
    private long upsertItems(DataContract contract, Map<String, StagedColumn> staged, long ingestId)
            throws SQLException {
        StagedColumn title = staged.get("title");
        List<StagedColumn> extra = contract.extraColumns(staged);
        String extraJson = extra.isEmpty() ? "NULL" : extra.stream()
                .map(c -> Sql.literal(c.name()) + ", " + text(c))
                .collect(Collectors.joining(", ", "json_object(", ")"));
        String sql = "INSERT OR REPLACE INTO items SELECT " + text(staged.get("item_id")) + ", "
                + (title == null ? "NULL" : text(title)) + ", " + text(staged.get("category")) + ", "
                + text(staged.get("brand")) + ", " + DataContract.priceValue(staged.get("price")) + ", "
                + text(staged.get("img_url")) + ", " + extraJson + ", " + ingestId + " FROM " + STAGING
                + " QUALIFY row_number() OVER (PARTITION BY " + text(staged.get("item_id"))
                + " ORDER BY rowid DESC) = 1";
        executeUpdate(sql);
        return Sql.queryLong(conn, "SELECT count(*) FROM " + STAGING);
    }

    /**
     * The event's user: the file's user id, else the user its session was linked to by a login
     * (NULL for a visitor's event before any login).
     */
    private static String userId(Map<String, StagedColumn> staged) {
        String user = "nullif(" + text(staged.get("user_id")) + ", '')";
        StagedColumn session = staged.get("session_id");
        if (session == null) {
            return user;
        }
        // session_links' columns renamed, so that the staged file's columns cannot resolve to them
        return "coalesce(" + user + ", (SELECT arg_max(linked_user, linked_at) FROM (SELECT session_id AS linked_session,"
                + " user_id AS linked_user, \"at\" AS linked_at FROM session_links) WHERE linked_session = "
                + text(session) + "))";
    }

    private static String text(StagedColumn column) {
        return "CAST(" + Sql.ident(column.name()) + " AS VARCHAR)";
    }

    private void recordFile(long id, Path file, String sha256, String kind, long rows) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO ingested_files VALUES (?, ?, ?, ?, ?, make_timestamp(?))")) {
            ps.setLong(1, id);
            ps.setString(2, file.toString());
            ps.setString(3, sha256);
            ps.setString(4, kind);
            ps.setLong(5, rows);
            ps.setLong(6, audit.nowMicros());
            ps.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private long executeUpdate(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            return st.executeLargeUpdate(sql);
        }
    }
}

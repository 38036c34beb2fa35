package io.recsyslite.internal.store;

import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.internal.Sha256;
import io.recsyslite.core.spi.ProgressListener;
import io.recsyslite.internal.store.DataContract.RowRule;
import io.recsyslite.internal.store.DataContract.StagedColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
            return new IngestReport(file, 0, 0, 0, true, seconds(started));
        }
        // Staged outside the transaction: the temporary table is private to this connection, and
        // only committed rows have rowids 0..n-1 that give the row numbers.
        try {
            StatementProgress.enable(conn);
            List<String> columnNames = isCsv(file) ? csvHeader(file, progress) : null;
            stage(file, progress);
            Map<String, StagedColumn> staged = stagedColumns(file, contract,
                    columnNames != null ? columnNames : parquetColumnNames(file));
            validate(file, contract, staged, progress);
            if (!contract.isEvents()) {
                rejectRepeatedItems(file, staged);
            }
            long[] counts = Transactions.run(conn, () -> {
                long ingestId = nextIngestId();
                long stagedRows = Sql.queryLong(conn, "SELECT count(*) FROM " + STAGING);
                long erased = contract.isEvents() ? Sql.queryLong(conn, "SELECT count(*) FROM " + STAGING
                        + " WHERE " + erasedByDeletion(staged)) : 0;
                long inserted = contract.isEvents() ? insertEventsLinkingSessions(contract, staged, ingestId, progress)
                        : upsertItems(contract, staged, ingestId, progress);
                long duplicates = stagedRows - erased - inserted;
                recordFile(ingestId, file, sha256, contract.kind, inserted);
                audit.write(AuditLog.STORE_ACTOR, action(contract), file.toString(), "rows=" + inserted
                        + (erased > 0 ? ", skipped_deleted_user_rows=" + erased : "")
                        + (duplicates > 0 ? ", skipped_stored_rows=" + duplicates : "") + ", sha256=" + sha256);
                progress.update("insert", StatementProgress.SCALE, StatementProgress.SCALE);
                return new long[] {inserted, erased, duplicates};
            });
            return new IngestReport(file, counts[0], counts[1], counts[2], false, seconds(started));
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
        try {
            long total = Files.size(file);
            return Sha256.hex(file, done -> progress.update("checksum", done, total));
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidDataException(file + ": cannot be read: " + e.getMessage(), e);
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

    private static boolean isCsv(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    /** Checks the CSV's shape row by row (see {@link CsvShape}); returns the header's names. */
    private static List<String> csvHeader(Path file, ProgressListener progress) {
        try {
            return CsvShape.check(file, progress);
        } catch (IOException e) {
            throw new InvalidDataException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Copies the file into a temporary table with DuckDB's reader, keeping file order. */
    private void stage(Path file, ProgressListener progress) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String reader;
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            reader = "read_parquet(?)";
        } else if (isCsv(file)) {
            // Explicit dialect; every column as text so that the contract, not the sniffer, decides types.
            reader = "read_csv(?, header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true)";
        } else {
            throw new InvalidDataException(file + ": unsupported file type, expected .parquet or .csv");
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "CREATE OR REPLACE TEMP TABLE " + STAGING + " AS SELECT * FROM " + reader);
             StatementProgress reporting = StatementProgress.watch(ps, "read", progress)) {
            ps.setString(1, file.toAbsolutePath().toString());
            ps.execute();
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * DuckDB could not read the file: its reason without the SQL it quotes. A CSV's shape was checked
     * before, so this is mostly a truncated or corrupt Parquet file, where no row can be named.
     */
    private static InvalidDataException unreadable(Path file, SQLException e) {
        String reason = String.valueOf(e.getMessage());
        int sql = reason.indexOf("\nLINE ");
        reason = (sql >= 0 ? reason.substring(0, sql) : reason).strip().replace(file.toAbsolutePath().toString(), file.toString());
        String what = isCsv(file) ? "cannot be read" : "is not a readable Parquet file (truncated or corrupt?)";
        return new InvalidDataException(file + ": " + what + ": " + reason + "; nothing from this file was ingested", e);
    }

    /** The top-level column names as the Parquet schema has them, before DuckDB makes them unique. */
    private List<String> parquetColumnNames(Path file) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT name, coalesce(num_children, 0) FROM parquet_schema(?)")) {
            ps.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                // depth-first schema: the root, then each field followed by its children
                Deque<Long> childrenLeft = new ArrayDeque<>();
                while (rs.next()) {
                    while (!childrenLeft.isEmpty() && childrenLeft.peek() == 0) {
                        childrenLeft.pop();
                    }
                    if (!childrenLeft.isEmpty()) {
                        childrenLeft.push(childrenLeft.pop() - 1);
                    }
                    if (childrenLeft.size() == 1) {
                        names.add(rs.getString(1));
                    }
                    childrenLeft.push(rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw unreadable(file, e);
        }
        return names;
    }

    /**
     * The staged columns by lower-case name; fails when a required column is missing, a name is
     * repeated (in any case) or a contract column holds lists or structures.
     */
    private Map<String, StagedColumn> stagedColumns(Path file, DataContract contract, List<String> fileColumns)
            throws SQLException {
        Map<String, String> seen = new HashMap<>();
        for (String name : fileColumns) {
            String earlier = seen.put(name.toLowerCase(Locale.ROOT), name);
            if (earlier != null) {
                throw new InvalidDataException(file + ": column " + name + ": the name appears twice"
                        + (earlier.equals(name) ? "" : " (as " + earlier + " and " + name + ")")
                        + "; every column needs its own name; nothing from this file was ingested");
            }
        }
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
        for (StagedColumn nested : contract.nestedColumns(columns)) {
            throw new InvalidDataException(file + ": column " + nested.name() + ": has type " + nested.type()
                    + ", which holds several values per row; it must hold one text or number per row; "
                    + "nothing from this file was ingested");
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
        try (PreparedStatement ps = conn.prepareStatement(sql);
             StatementProgress reporting = StatementProgress.watch(ps, "validate", progress);
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                throw new InvalidDataException(file + ": row " + rs.getLong(1) + ", column " + rs.getString(2)
                        + ": " + rs.getString(3) + "; nothing from this file was ingested");
            }
        }
        progress.update("validate", StatementProgress.SCALE, StatementProgress.SCALE);
    }

    /** An items file names each item once: a second row for an id is refused with both rows. */
    private void rejectRepeatedItems(Path file, Map<String, StagedColumn> staged) throws SQLException {
        String id = text(staged.get("item_id"));
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT " + id
                + ", min(rowid) + 1, list(rowid + 1 ORDER BY rowid)[2] FROM " + STAGING + " GROUP BY " + id
                + " HAVING count(*) > 1 ORDER BY 3 LIMIT 1")) {
            if (rs.next()) {
                throw new InvalidDataException(file + ": rows " + rs.getLong(2) + " and " + rs.getLong(3) + ", column "
                        + staged.get("item_id").name() + ": item id '" + rs.getString(1) + "' appears twice; "
                        + "give each item one row; nothing from this file was ingested");
            }
        }
    }

    private long nextIngestId() throws SQLException {
        return Sql.queryLong(conn, "SELECT coalesce(max(id), 0) + 1 FROM ingested_files");
    }

    /**
     * Inserts the events; rows with both a session and a user id are logins, which link the
     * session to the user: the session's events, earlier and later ones, count for the user.
     */
    private long insertEventsLinkingSessions(DataContract contract, Map<String, StagedColumn> staged, long ingestId,
                                             ProgressListener progress) throws SQLException {
        StagedColumn session = staged.get("session_id");
        if (session == null) {
            return insertEvents(contract, staged, ingestId, progress);
        }
        String user = "nullif(" + text(staged.get("user_id")) + ", '')";
        String sessionId = "nullif(" + text(session) + ", '')";
        long links = executeUpdate("INSERT INTO session_links SELECT DISTINCT " + sessionId + ", " + user
                + ", make_timestamp(" + audit.nowMicros() + ") FROM " + STAGING
                + " WHERE " + user + " IS NOT NULL AND " + sessionId + " IS NOT NULL", ProgressListener.NONE);
        long inserted = insertEvents(contract, staged, ingestId, progress);
        if (links > 0) {
            execute("""
                    UPDATE events SET user_id = l.user_id
                    FROM (SELECT session_id, arg_max(user_id, "at") AS user_id FROM session_links GROUP BY session_id) l
                    WHERE events.user_id IS NULL AND events.session_id = l.session_id""");
        }
        return inserted;
    }

    /**
     * Inserts the staged events but those of deleted users (see {@link #erasedByDeletion}) and, when
     * the contract has an event key, those whose key is stored already or came earlier in the file,
     * so a re-export adds nothing.
     */
    private long insertEvents(DataContract contract, Map<String, StagedColumn> staged, long ingestId,
                              ProgressListener progress) throws SQLException {
        StagedColumn type = staged.get("event_type");
        StagedColumn session = staged.get("session_id");
        StagedColumn recommendation = staged.get("recommendation_id");
        String recommendationId = recommendation == null ? "NULL" : "nullif(" + text(recommendation) + ", '')";
        Map<String, String> values = Map.of("user_id", userId(staged),
                "session_id", session == null ? "NULL" : "nullif(" + text(session) + ", '')",
                "item_id", text(staged.get("item_id")),
                "ts", DataContract.integerValue(staged.get("ts"), "BIGINT"),
                "qty", DataContract.integerValue(staged.get("qty"), "INTEGER"),
                "event_type", type == null ? "NULL" : "lower(trim(" + text(type) + "))");
        String sql = "INSERT INTO events (seq, user_id, item_id, ts, qty, ingest_id, event_type, session_id,"
                + " recommendation_id)"
                + " SELECT (SELECT coalesce(max(seq), 0) FROM events) + rowid + 1, "
                + values.get("user_id") + ", " + values.get("item_id") + ", " + values.get("ts") + ", "
                + values.get("qty") + ", " + ingestId + ", " + values.get("event_type") + ", "
                + values.get("session_id") + ", " + recommendationId + " FROM " + STAGING + " WHERE NOT (" + erasedByDeletion(staged) + ")";
        if (!contract.eventKey.isEmpty()) {
            String key = contract.eventKey.stream().map(values::get).collect(Collectors.joining(", "));
            // stored columns renamed, so that the staged file's column names cannot resolve to them
            String stored = contract.eventKey.stream().map(c -> c + " AS stored_" + c).collect(Collectors.joining(", "));
            String sameKey = contract.eventKey.stream().map(c -> "s.stored_" + c + " IS NOT DISTINCT FROM " + values.get(c))
                    .collect(Collectors.joining(" AND "));
            sql += " AND NOT EXISTS (SELECT 1 FROM (SELECT " + stored + " FROM events) s WHERE " + sameKey + ")"
                    + " QUALIFY row_number() OVER (PARTITION BY " + key + " ORDER BY rowid) = 1";
        }
        return executeUpdate(sql, progress);
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

    /** Upserts items by id (each id is in the file once, see {@link #rejectRepeatedItems}). */
    private long upsertItems(DataContract contract, Map<String, StagedColumn> staged, long ingestId,
                             ProgressListener progress) throws SQLException {
        StagedColumn title = staged.get("title");
        List<StagedColumn> extra = contract.extraColumns(staged);
        String extraJson = extra.isEmpty() ? "NULL" : extra.stream()
                .map(c -> Sql.literal(c.name()) + ", " + text(c))
                .collect(Collectors.joining(", ", "json_object(", ")"));
        String sql = "INSERT OR REPLACE INTO items SELECT " + text(staged.get("item_id")) + ", "
                + (title == null ? "NULL" : text(title)) + ", " + text(staged.get("category")) + ", "
                + text(staged.get("brand")) + ", " + DataContract.priceValue(staged.get("price")) + ", "
                + text(staged.get("img_url")) + ", " + extraJson + ", " + ingestId + " FROM " + STAGING;
        executeUpdate(sql, progress);
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

    private long executeUpdate(String sql, ProgressListener progress) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql);
             StatementProgress reporting = StatementProgress.watch(ps, "insert", progress)) {
            return ps.executeLargeUpdate();
        }
    }
}

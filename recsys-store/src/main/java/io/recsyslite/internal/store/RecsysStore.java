package io.recsyslite.internal.store;

import io.recsyslite.LiveEvent;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.internal.Sha256;
import io.recsyslite.core.spi.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The embedded store: one DuckDB file holding events, the item catalogue, the list of ingested
 * files, deleted users, the audit log and tuning trials. Tables:
 * <ul>
 *   <li>{@code events(seq, user_id, item_id, ts, qty, ingest_id)}: {@code seq} is the global
 *       insertion order, {@code ingest_id} points at {@code ingested_files.id};</li>
 *   <li>{@code items(item_id PRIMARY KEY, title, category, brand, price, img_url, extra, ingest_id)}:
 *       {@code extra} is a JSON object with the items file's further columns as text;</li>
 *   <li>{@code ingested_files(id, path, sha256, kind, rows, "at")}, {@code deleted_users(user_id, "at")},
 *       {@code pending_erasures(user_id, model_dir, "at")} (model directories still to scrub),
 *       {@code audit_log("at", actor, action, subject, details)} ({@code at} is reserved in DuckDB SQL,
 *       so quote it), {@code tuning_trials(study, trial, params JSON, value, state, started_at,
 *       finished_at, intermediate JSON)} and {@code schema_version(version)}.</li>
 * </ul>
 *
 * <p>Ingest reads Parquet or CSV through DuckDB's own readers and checks the data contract: events
 * {@code user_id, item_id, ts (int64 unix seconds), qty (int)}; items {@code item_id, category,
 * brand, price, img_url}, optional {@code title}, any further columns kept as extra attributes.
 * A file that breaks the contract is rejected whole with an
 * {@link io.recsyslite.core.error.InvalidDataException} naming file, row and column; a file whose
 * content was ingested before adds nothing.
 *
 * <p>Thread-safety: thread-safe. The store owns one DuckDB connection (JDBC connections of DuckDB
 * must not be used concurrently) and every public method holds the store's lock, so calls are
 * serialised. DuckDB itself runs each statement on its own threads. Only one process can open a
 * database file at a time; {@link #open} waits while another one holds it. Live events reach
 * the events table through an {@link EventJournal} beside the file.
 */
public final class RecsysStore implements AutoCloseable {
    /** The default database file, relative to the working directory. */
    public static final Path DEFAULT_PATH = Path.of("data", "recsys.db");
    /** How {@code ingested_files.sha256} marks a journal segment (followed by its file name). */
    private static final String JOURNAL_IDENTITY = "journal:";
    /** How long opening waits while another process holds the file. */
    public static final Duration BUSY_WAIT = Duration.ofSeconds(30);

    /** Store-side work that needs the connection, e.g. the tuning trials table. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * The columns that identify an event by default: a row whose user, session, item, time and event
     * type are stored already is not added again, so ingesting a re-export of stored events adds
     * nothing (a missing column counts as empty). Live events are not keyed: each recorded event counts.
     */
    public static final List<String> DEFAULT_EVENT_KEY = List.of("user_id", "session_id", "item_id", "ts", "event_type");

    private final Path dbFile;
    private final Connection conn;
    private final DataContract eventContract;
    private final AuditLog audit;
    private final Clock clock;

    private RecsysStore(Path dbFile, Connection conn, Clock clock, List<String> eventKey) {
        this.dbFile = dbFile;
        this.eventContract = DataContract.events(eventKey);
        this.conn = conn;
        this.audit = new AuditLog(conn, clock);
        this.clock = clock;
    }

    /** Opens (creating if needed) the database file and its tables. */
    public static RecsysStore open(Path dbFile) {
        return open(dbFile, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock used for audit times and the "future timestamp" check. */
    public static RecsysStore open(Path dbFile, Clock clock) {
        return open(dbFile, clock, DEFAULT_EVENT_KEY);
    }

    /**
     * As {@link #open(Path, Clock)}, with the columns that identify an event (some of user_id,
     * session_id, item_id, ts, qty, event_type; see {@link #DEFAULT_EVENT_KEY}).
     */
    public static RecsysStore open(Path dbFile, Clock clock, List<String> eventKey) {
        return open(dbFile, clock, eventKey, BUSY_WAIT);
    }

    /**
     * As {@link #open(Path)}, waiting at most {@code busyWait} while another process holds the file
     * ({@link Duration#ZERO}: not at all), then failing with a {@link StoreBusyException}.
     */
    public static RecsysStore open(Path dbFile, Duration busyWait) {
        return open(dbFile, Clock.systemUTC(), DEFAULT_EVENT_KEY, busyWait);
    }

    private static RecsysStore open(Path dbFile, Clock clock, List<String> eventKey, Duration busyWait) {
        DataContract.events(eventKey); // a bad key fails before the file is opened
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new RecsysException("cannot create the directory for " + dbFile + ": " + e.getMessage(), e);
        }
        Connection conn = connect(dbFile, busyWait);
        try {
            StoreSchema.createOrCheck(conn, dbFile.toString());
            return new RecsysStore(dbFile, conn, clock, eventKey);
        } catch (SQLException | RuntimeException e) {
            try {
                conn.close();
            } catch (SQLException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RecsysException("cannot set up database " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects to the file, waiting up to {@code busyWait} while another process holds it: DuckDB
     * lets one process open a file at a time, and the processes sharing a store (serving, trainer,
     * worker) each hold it only briefly or for one read (see the README, "Sharing one store").
     */
    private static Connection connect(Path dbFile, Duration busyWait) {
        long deadline = System.nanoTime() + busyWait.toNanos();
        Properties props = new Properties();
        // Stream query results instead of materialising them: loading 10M events stays lean.
        props.setProperty("jdbc_stream_results", "true");
        while (true) {
            try {
                return DriverManager.getConnection("jdbc:duckdb:" + dbFile.toAbsolutePath(), props);
            } catch (SQLException e) {
                if (!StoreBusyException.isLockConflict(e)) {
                    throw new RecsysException("cannot open database " + dbFile + ": " + e.getMessage(), e);
                }
                if (System.nanoTime() >= deadline) {
                    throw new StoreBusyException(dbFile, e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StoreBusyException(dbFile, e);
                }
            }
        }
    }

    public Path path() {
        return dbFile;
    }

    public IngestReport ingestEvents(Path file) {
        return ingestEvents(file, ProgressListener.NONE);
    }

    /**
     * Ingests an events file (.parquet or .csv); rows whose event key is stored already are skipped.
     * Progress stages: checksum, check csv (CSV only), read, validate, insert.
     */
    public synchronized IngestReport ingestEvents(Path file, ProgressListener progress) {
        return call("ingest " + file, () -> new FileIngester(conn, audit).ingest(file, eventContract, progress));
    }

    /**
     * Ingests a sealed {@link EventJournal} segment, known by its name so that ingesting it again
     * (after a crash between this commit and the segment's deletion) adds nothing. An empty
     * segment (a crash before its first line) adds nothing.
     */
    public synchronized IngestReport ingestJournalSegment(Path segment) {
        return call("ingest " + segment, () -> {
            try {
                if (Files.size(segment) <= EventJournal.HEADER.length()) {
                    return new IngestReport(segment, 0, 0, 0, false, 0);
                }
            } catch (IOException e) {
                throw new RecsysException("cannot read journal segment " + segment + ": " + e.getMessage(), e);
            }
            return new FileIngester(conn, audit).ingest(segment, DataContract.journalEvents(),
                    JOURNAL_IDENTITY + segment.getFileName(), ProgressListener.NONE);
        });
    }

    /**
     * The events recorded live (through the journal) that reached the store at or after
     * {@code since}, oldest first, at most {@code limit} (the newest ones): what a model whose data
     * was read at {@code since} has not seen.
     */
    public synchronized List<StoredLiveEvent> liveEventsStoredSince(Instant since, int limit) {
        return call("read recent live events", () -> {
            List<StoredLiveEvent> events = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT * FROM (SELECT e.user_id, e.session_id, e.item_id, e.ts, e.qty, e.event_type,
                        epoch_us(f."at"), e.seq FROM events e JOIN ingested_files f ON f.id = e.ingest_id
                        WHERE starts_with(f.sha256, ?) AND f."at" >= make_timestamp(?) AND e.""" + FeedbackQueries.INTERACTION + """
                        ORDER BY e.seq DESC LIMIT ?) ORDER BY 8""")) {
                ps.setString(1, JOURNAL_IDENTITY);
                ps.setLong(2, ChronoUnit.MICROS.between(Instant.EPOCH, since));
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new StoredLiveEvent(new LiveEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4), rs.getInt(5), rs.getString(6)),
                                Instant.EPOCH.plus(rs.getLong(7), ChronoUnit.MICROS)));
                    }
                }
            }
            audit.write(AuditLog.STORE_ACTOR, "read_user_events", "*", "live events=" + events.size());
            return events;
        });
    }

    /** A live event and when it reached the store. */
    public record StoredLiveEvent(LiveEvent event, Instant storedAt) {
    }

    public IngestReport ingestItems(Path file) {
        return ingestItems(file, ProgressListener.NONE);
    }

    /** Ingests an items file (.csv or .parquet); a row replaces the stored item with its id. */
    public synchronized IngestReport ingestItems(Path file, ProgressListener progress) {
        return call("ingest " + file, () -> new FileIngester(conn, audit).ingest(file, DataContract.items(), progress));
    }

    /**
     * All events as training data: users and items numbered in id order, the item index covering
     * the catalogue and every item seen in events. Progress stages: load, build.
     */
    public synchronized TrainingData loadTrainingData(ConfidenceWeighting weighting, ProgressListener progress) {
        return call("load training data", () -> Transactions.run(conn, () -> {
            TrainingData data = new TrainingDataLoader(conn).load(weighting, progress);
            audit.write(AuditLog.STORE_ACTOR, "load_training_data", "*", "users=" + data.numUsers() + ", items="
                    + data.numItems() + ", events=" + data.sequences().totalEvents());
            return data;
        }));
    }

    /**
     * A short hash of what training would see (event and item counts, newest event, insertion
     * high-water mark and the checksums of all ingested files), for model provenance.
     */
    public synchronized String dataFingerprint() {
        return call("fingerprint", () -> {
            StringBuilder text = new StringBuilder();
            try (Statement st = conn.createStatement()) {
                try (ResultSet rs = st.executeQuery("""
                        SELECT (SELECT count(*) FROM events), (SELECT coalesce(max(ts), -1) FROM events),
                               (SELECT coalesce(max(seq), -1) FROM events), (SELECT count(*) FROM items),
                               (SELECT coalesce(string_agg(sha256, ',' ORDER BY id), '') FROM ingested_files)""")) {
                    rs.next();
                    for (int c = 1; c <= 5; c++) {
                        text.append(rs.getString(c)).append('|');
                    }
                }
            }
            return "sha256:" + Sha256.hex(text.toString());
        });
    }

    /** Writes an audit row, e.g. for a GDPR export or an API access. */
    public synchronized void audit(String actor, String action, String subject, String details) {
        call("audit", () -> {
            audit.write(actor, action, subject, details);
            return null;
        });
    }

    /**
     * Writes audit rows in bulk, one per subject with the details at the same position, in one
     * statement: e.g. the aggregated API access of thousands of users.
     */
    public synchronized void auditAll(String actor, String action, List<String> subjects, List<String> details) {
        if (subjects.size() != details.size()) {
            throw new IllegalArgumentException(subjects.size() + " subjects but " + details.size() + " details");
        }
        call("audit", () -> {
            audit.writeAll(actor, action, subjects, details);
            return null;
        });
    }

    /** The audit rows about one subject (a user id, a file path, "*" for all data), oldest first. */
    public synchronized List<AuditEntry> auditEntries(String subject) {
        return call("read audit log", () -> audit.entries(subject));
    }

    public synchronized long eventCount() {
        return call("count events", () -> Sql.queryLong(conn, "SELECT count(*) FROM events"));
    }

    /** The newest event time, empty when there are no events. */
    public synchronized OptionalLong maxEventTs() {
        return call("max event time", () -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT max(ts) FROM events")) {
                rs.next();
                long ts = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(ts);
            }
        });
    }

    /** Catalogue rows for the given ids, in the order asked; unknown ids are left out. */
    public synchronized Map<String, CatalogItem> items(Collection<String> itemIds) {
        return call("look up items", () -> {
            Map<String, CatalogItem> found = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT item_id, title, category, brand, price, img_url, CAST(extra AS VARCHAR)
                    FROM items WHERE list_contains(?::VARCHAR[], item_id)""")) {
                ps.setArray(1, conn.createArrayOf("VARCHAR", itemIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double price = rs.getDouble(5);
                        found.put(rs.getString(1), new CatalogItem(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.wasNull() ? Double.NaN : price, rs.getString(6),
                                ExtraColumns.parse(rs.getString(7))));
                    }
                }
            }
            Map<String, CatalogItem> ordered = new LinkedHashMap<>();
            for (String id : itemIds) {
                CatalogItem item = found.get(id);
                if (item != null) {
                    ordered.put(id, item);
                }
            }
            return ordered;
        });
    }

    /**
     * The most popular items by number of distinct users and visitor sessions, best first (ties by
     * id): the non-personalised fallback for unknown users.
     */
    public synchronized List<String> popularItems(int limit) {
        String sql = "SELECT item_id FROM events WHERE " + FeedbackQueries.INTERACTION + " GROUP BY item_id"
                + " ORDER BY count(DISTINCT coalesce(user_id, 'session:' || session_id)) DESC, item_id LIMIT ?";
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            st.setInt(1, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new RecsysException("cannot read popular items from " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /** Every stored event of a user, oldest first (e.g. for a GDPR export); audited. */
    public synchronized List<UserEvent> userEvents(String userId) {
        return call("read events of " + userId, () -> {
            List<UserEvent> events = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT e.item_id, e.ts, e.qty, e.event_type, e.session_id, f.path, e.recommendation_id FROM events e
                    LEFT JOIN ingested_files f ON f.id = e.ingest_id
                    WHERE e.user_id = ? ORDER BY e.ts, e.seq""")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(userEvent(rs, 1));
                    }
                }
            }
            audit.write(AuditLog.STORE_ACTOR, "read_user_events", userId, "events=" + events.size());
            return events;
        });
    }

    /** The insertion number of the newest event (0 when there are none): a watermark for updates. */
    public synchronized long maxEventSeq() {
        return call("read the newest event number", () -> Sql.queryLong(conn, "SELECT coalesce(max(seq), 0) FROM events"));
    }

    /**
     * The insertion number of the newest event that came from a file ingested at or before
     * {@code at} (0 when none): what a model whose data was read at that time has seen.
     */
    public synchronized long maxEventSeqIngestedBy(Instant at) {
        return call("read the newest event number", () -> {
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT coalesce(max(e.seq), 0) FROM events e JOIN ingested_files f ON f.id = e.ingest_id
                    WHERE f."at" <= make_timestamp(?)""")) {
                ps.setLong(1, ChronoUnit.MICROS.between(Instant.EPOCH, at));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The update worker's mark for a model directory: events up to it are in the model; empty when none. */
    public synchronized OptionalLong workerMark(Path modelDir) {
        return call("read the worker's mark", () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT seq FROM worker_marks WHERE model_dir = ?")) {
                ps.setString(1, markKey(modelDir));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /**
     * Records that the model in {@code modelDir} holds the events up to {@code seq}, together with
     * the audit row of the update that put them there, in one transaction.
     */
    public synchronized void markWorkerProgress(Path modelDir, long seq, String action, String subject, String details) {
        call("record the worker's mark", () -> Transactions.run(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT OR REPLACE INTO worker_marks VALUES (?, ?, make_timestamp(?))")) {
                ps.setString(1, markKey(modelDir));
                ps.setLong(2, seq);
                ps.setLong(3, audit.nowMicros());
                ps.executeUpdate();
            }
            audit.write("worker", action, subject, details);
            return null;
        }));
    }

    private static String markKey(Path modelDir) {
        return modelDir.toAbsolutePath().normalize().toString();
    }

    /**
     * The events of every user who has an event inserted after {@code seq}, oldest first per user
     * (one audit row for the whole read).
     */
    public synchronized Map<String, List<UserEvent>> eventsOfUsersActiveAfter(long seq) {
        return call("read events of recently active users", () -> {
            Map<String, List<UserEvent>> byUser = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT e.user_id, e.item_id, e.ts, e.qty, e.event_type, e.session_id, f.path, e.recommendation_id FROM events e
                    LEFT JOIN ingested_files f ON f.id = e.ingest_id
                    WHERE e.user_id IN (SELECT DISTINCT user_id FROM events WHERE seq > ?) AND e.""" + FeedbackQueries.INTERACTION + """
                    ORDER BY e.user_id, e.ts, e.seq""")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byUser.computeIfAbsent(rs.getString(1), u -> new ArrayList<>())
                                .add(userEvent(rs, 2));
                    }
                }
            }
            audit.write(AuditLog.STORE_ACTOR, "read_user_events", "*", "users=" + byUser.size() + " after_seq=" + seq);
            return byUser;
        });
    }

    /**
     * Every user ever deleted (GDPR) with the time of their latest deletion, so that models whose
     * data was read before it can be scrubbed.
     */
    public synchronized Map<String, Instant> deletedUsers() {
        return call("read deleted users", () -> {
            Map<String, Instant> deleted = new java.util.TreeMap<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT user_id, epoch_us(max(\"at\")) FROM deleted_users GROUP BY user_id")) {
                while (rs.next()) {
                    deleted.put(rs.getString(1), Instant.EPOCH.plus(rs.getLong(2), ChronoUnit.MICROS));
                }
            }
            return deleted;
        });
    }

    /**
     * The store's clock, to the microsecond as deletion and audit times are stored, so that
     * comparing a model's data-read time with a deletion time keeps their order.
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Deletes all events of a user; see {@link #deleteUserEvents(String, List)} (no model directory named). */
    public long deleteUserEvents(String userId) {
        return deleteUserEvents(userId, List.of());
    }

    /**
     * Deletes all events of a user (with those of visitor sessions linked to the user by a login,
     * and the links), records the user in {@code deleted_users}, queues the erasure for every model
     * directory in {@code modelDirs} and every directory an update worker keeps (see
     * {@link #pendingErasures}) and audits it, in one transaction. Returns the number of events removed.
     */
    public synchronized long deleteUserEvents(String userId, List<Path> modelDirs) {
        return call("delete events of " + userId, () -> Transactions.run(conn, () -> {
            long removed;
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM events WHERE user_id = ?")) {
                ps.setString(1, userId);
                removed = ps.executeLargeUpdate();
            }
            long served = FeedbackQueries.deleteServedTo(conn, userId);
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM session_links WHERE user_id = ?")) {
                ps.setString(1, userId);
                ps.executeUpdate();
            }
            long now = audit.nowMicros();
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO deleted_users VALUES (?, make_timestamp(?))")) {
                ps.setString(1, userId);
                ps.setLong(2, now);
                ps.executeUpdate();
            }
            Set<String> dirs = new TreeSet<>();
            modelDirs.forEach(dir -> dirs.add(markKey(dir)));
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT model_dir FROM worker_marks")) {
                while (rs.next()) {
                    dirs.add(rs.getString(1));
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO pending_erasures VALUES (?, ?, make_timestamp(?))")) {
                for (String dir : dirs) {
                    ps.setString(1, userId);
                    ps.setString(2, dir);
                    ps.setLong(3, now);
                    ps.executeUpdate();
                }
            }
            audit.write(AuditLog.STORE_ACTOR, "delete_user_events", userId, "events=" + removed
                    + (served > 0 ? " served=" + served : ""));
            return removed;
        }));
    }

    /** Stores served recommendation answers, all in one bulk write. */
    public synchronized void recordServed(List<ServedRecommendation> served) {
        call("store served recommendations", () -> {
            FeedbackQueries.append(conn, served);
            return null;
        });
    }

    /** The recommendations served to a user (and to sessions a login linked to them), oldest first; audited. */
    public synchronized List<ServedRecommendation> servedTo(String userId) {
        return call("read recommendations served to " + userId, () -> {
            List<ServedRecommendation> served = FeedbackQueries.servedTo(conn, userId);
            audit.write(AuditLog.STORE_ACTOR, "read_served", userId, "recommendations=" + served.size());
            return served;
        });
    }

    /**
     * Counts the recommendations served since {@code since} and the feedback on them (impressions,
     * clicks, conversions within {@code conversionWindow}; see {@link FeedbackCounts}), the
     * {@code topItems} most recommended items, and the events per minute of the hour before now.
     */
    public synchronized FeedbackCounts feedbackCounts(Instant since, Duration conversionWindow, int topItems) {
        return call("count online feedback", () -> FeedbackQueries.counts(conn, since.getEpochSecond(),
                clock.instant().getEpochSecond(), conversionWindow.toSeconds(), topItems));
    }

    /**
     * Erasures recorded by {@link #deleteUserEvents(String, List)} and not yet applied: the users to
     * scrub out of each model directory (absolute paths).
     */
    public synchronized Map<Path, Set<String>> pendingErasures() {
        return call("read pending erasures", () -> {
            Map<Path, Set<String>> pending = new TreeMap<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT model_dir, user_id FROM pending_erasures")) {
                while (rs.next()) {
                    pending.computeIfAbsent(Path.of(rs.getString(1)), d -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            return pending;
        });
    }

    /** Takes erasures off the queue once {@code modelDir} no longer holds the users. */
    public synchronized void erasuresApplied(Path modelDir, Set<String> userIds) {
        call("record applied erasures", () -> Transactions.run(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "DELETE FROM pending_erasures WHERE model_dir = ? AND user_id = ?")) {
                for (String userId : userIds) {
                    ps.setString(1, markKey(modelDir));
                    ps.setString(2, userId);
                    ps.executeUpdate();
                }
            }
            return null;
        }));
    }

    /**
     * Runs store-side SQL in one transaction under the store's lock (for tables other parts of the
     * library own, such as {@code tuning_trials}). The connection must not escape the call, and the
     * work must not call back into the store (it would commit the transaction half-way).
     */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        return call("transaction", () -> Transactions.run(conn, () -> work.run(conn)));
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new RecsysException("closing database " + dbFile + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The event in the columns item_id, ts, qty, event_type, session_id, path, recommendation_id from
     * column {@code first} on.
     */
    private static UserEvent userEvent(ResultSet rs, int first) throws SQLException {
        return new UserEvent(rs.getString(first), rs.getLong(first + 1), rs.getInt(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6));
    }

    private <T> T call(String what, Transactions.Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new RecsysException(what + " failed on database " + dbFile + ": " + e.getMessage(), e);
        }
    }
}

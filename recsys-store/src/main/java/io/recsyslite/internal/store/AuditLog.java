package io.recsyslite.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code audit_log} table. Times are stored as UTC microseconds. */
final class AuditLog {
    /** The actor of what the store does on its own (ingest, load, delete). */
    static final String STORE_ACTOR = "store";

    private final Connection conn;
    private final Clock clock;

    AuditLog(Connection conn, Clock clock) {
        this.conn = conn;
        this.clock = clock;
    }

    /** Microseconds since the epoch, the form every store timestamp is bound in. */
    long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }

    void write(String actor, String action, String subject, String details) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO audit_log VALUES (make_timestamp(?), ?, ?, ?, ?)")) {
            ps.setLong(1, nowMicros());
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, details);
            ps.executeUpdate();
        }
    }

    /** One row per subject, with the details at the same position, in a single statement. */
    void writeAll(String actor, String action, List<String> subjects, List<String> details) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO audit_log SELECT make_timestamp(?), ?, ?, subject, details
                FROM (SELECT unnest(?::VARCHAR[]) AS subject, unnest(?::VARCHAR[]) AS details)""")) {
            ps.setLong(1, nowMicros());
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setArray(4, conn.createArrayOf("VARCHAR", subjects.toArray()));
            ps.setArray(5, conn.createArrayOf("VARCHAR", details.toArray()));
            ps.executeUpdate();
        }
    }

    List<AuditEntry> entries(String subject) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT epoch_us("at"), actor, action, subject, details FROM audit_log
                WHERE subject = ? ORDER BY "at", rowid""")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(Instant.EPOCH.plus(rs.getLong(1), ChronoUnit.MICROS),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return entries;
    }
}

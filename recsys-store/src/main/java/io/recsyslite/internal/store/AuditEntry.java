package io.recsyslite.internal.store;

import java.time.Instant;

/**
 * One row of the audit log: who did what to which subject (a user id, a file, ...).
 *
 * @param at      when (microsecond precision)
 * @param actor   who, e.g. "store", "api", "cli"
 * @param action  what, e.g. "ingest_events", "delete_user_events", "export_user"
 * @param subject what it was done to, e.g. a user id or a file path
 * @param details free text, may be null
 */
public record AuditEntry(Instant at, String actor, String action, String subject, String details) {
}

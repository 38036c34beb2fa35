/**
 * The embedded DuckDB store, {@link RecsysStore}: one database file holding events, the item
 * catalogue, the ingested files, deleted users, the audit log and tuning trials. Ingest of a
 * Parquet or CSV file checks the data contract and runs in one transaction: a bad file is rejected
 * whole with an {@code InvalidDataException} naming file, row and column, a file ingested before
 * adds nothing, and the outcome is an {@link IngestReport}. Reads return {@link UserEvent},
 * {@link CatalogItem} and {@link AuditEntry} records, or training data. A store is thread-safe (one
 * connection; every public method holds its lock) and must be closed: only one process can open a
 * database file at a time, so {@link RecsysStore#open} waits while another holds it (processes
 * sharing a store hold it briefly; see the README) and then throws {@link StoreBusyException}.
 * {@link StoreSchema} and the package-private classes (file ingester,
 * data contract, training-data loader, SQL and transaction helpers) are plumbing, not part of the
 * API.
 */
package io.recsyslite.internal.store;

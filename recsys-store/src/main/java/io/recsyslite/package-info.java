/**
 * RecSys-Lite as a shop embeds it: the facade {@link io.recsyslite.RecSys} over an embedded
 * DuckDB store (ingest, train, serve, record events, GDPR export and erasure) and the records it
 * takes and answers with. Everything else in this module is in packages named {@code internal}.
 */
package io.recsyslite;

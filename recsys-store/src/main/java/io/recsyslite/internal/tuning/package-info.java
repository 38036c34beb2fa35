/**
 * Tuning trials kept in the store, so a killed study resumes where it stopped (internal).
 */
package io.recsyslite.internal.tuning;

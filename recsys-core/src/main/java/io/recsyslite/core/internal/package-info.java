/**
 * Helpers shared by the library's modules; not part of the API (names and signatures may change in
 * any release).
 */
package io.recsyslite.core.internal;

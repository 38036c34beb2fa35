/**
 * Model directories on disk. {@link ModelArtifacts} is the entry point: {@code save} writes a
 * model into a temporary sibling directory, fsyncs it and renames it into place, so a reader never
 * sees a half-written model; {@code verify} and {@code load} check the sha256 of every file and
 * name the missing or corrupt one in a {@link io.recsyslite.core.error.CorruptModelException}, and
 * refuse a format version newer than this library. A directory is {@code model.json} (the
 * {@link ModelManifest}: algorithm, library version, params, {@link Provenance}, checksums) beside
 * arrays as NumPy {@code .npy} files (float32, int32, int64; little-endian, so {@code numpy.load}
 * opens them) and id lists as JSON. Providers write and read their files through
 * {@link ArtifactWriter} and {@link ArtifactReader}, which are not thread-safe and live for one save
 * or load. {@code ModelArtifacts.eraseUsers} erases users from a saved model (GDPR).
 */
package io.recsyslite.core.artifact;

package io.recsyslite.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The content of {@code model.json}: what the model is, how it was made, and the sha256 of every
 * other file of the model.
 *
 * @param formatVersion   version of this on-disk format
 * @param algorithm       provider name
 * @param libraryVersion  RecSys-Lite version that wrote it
 * @param params          hyperparameters
 * @param provenance      metrics, data fingerprint, seed
 * @param createdAt       ISO-8601 time of saving
 * @param files           file name -> sha256 (hex)
 * @param model           algorithm-specific settings written with {@link ArtifactWriter#putMeta}
 * @param filesDir        the sub-directory of the model directory holding the files; empty when they
 *                        lie beside model.json (format version 1)
 */
public record ModelManifest(int formatVersion, String algorithm, String libraryVersion,
                            Map<String, Object> params, Provenance provenance, String createdAt,
                            Map<String, String> files, JsonNode model, String filesDir) {
}

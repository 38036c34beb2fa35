package io.recsyslite.core.serving;

import io.recsyslite.core.artifact.ModelManifest;
import java.nio.file.Path;

/**
 * What a {@link RecSys} is serving.
 *
 * @param algorithm  provider name of the live model
 * @param dir        its directory
 * @param generation increases with every swap
 * @param manifest   its model.json
 * @param indexType  the index serving it ("exact" when the model scores itself)
 */
public record ModelStatus(String algorithm, Path dir, long generation, ModelManifest manifest, String indexType) {
}

package io.recsyslite.internal.serving;

import io.recsyslite.core.artifact.ModelManifest;
import io.recsyslite.core.index.IndexCalibration;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a {@link RecSysEngine} is serving.
 *
 * @param algorithm  provider name of the live model
 * @param dir        its directory
 * @param generation increases with every swap
 * @param manifest   its model.json
 * @param indexType  the index serving it ("exact" when the model scores itself)
 * @param calibration how an approximate index was tuned (setting, value, measured recall), else empty
 */
public record ModelStatus(String algorithm, Path dir, long generation, ModelManifest manifest, String indexType,
                          Optional<IndexCalibration> calibration) {
}

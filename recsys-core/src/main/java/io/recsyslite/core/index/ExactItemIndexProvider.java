package io.recsyslite.core.index;

import java.io.IOException;
import java.nio.file.Path;

/** The embedded default index: {@link ExactItemIndex}. */
public final class ExactItemIndexProvider implements ItemIndexProvider {
    @Override
    public String name() {
        return ItemIndexes.EXACT;
    }

    @Override
    public ItemIndex build(float[] vectors, int dim, Metric metric, IndexOptions options) {
        return new ExactItemIndex(vectors, dim, metric, options.threads());
    }

    @Override
    public ItemIndex load(Path file, IndexOptions options) throws IOException {
        return ExactItemIndex.load(file, options.threads());
    }
}

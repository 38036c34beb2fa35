package io.recsyslite.spark;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model trained on Spark, held on the driver only to be saved with
 * {@code ModelArtifacts.save}. It writes exactly the files of the embedded provider named by
 * {@link #algorithm()} (ids and seen matrix through {@link ModelData#write}, then the
 * algorithm's own arrays), so the embedded runtime loads the directory with no conversion. It
 * does not serve: the recommend methods throw {@link UnsupportedOperationException}. Immutable;
 * thread-safe.
 */
public final class ExportedModel implements Recommender {
    /** Writes the algorithm's own files after the shared model data. */
    @FunctionalInterface
    public interface Body {
        void write(ArtifactWriter out) throws IOException;
    }

    private final String algorithm;
    private final Params params;
    private final ModelData data;
    private final Map<String, Object> meta;
    private final Body body;

    /**
     * @param algorithm the embedded provider that will load the artifact
     * @param params    the parameters that provider knows, all resolved
     * @param data      ids and training confidences
     * @param meta      extra entries of model.json's {@code model} section (Spark version, Spark-only settings)
     * @param body      writes the algorithm's arrays
     */
    public ExportedModel(String algorithm, Params params, ModelData data, Map<String, Object> meta, Body body) {
        this.algorithm = algorithm;
        this.params = params;
        this.data = data;
        this.meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        this.body = body;
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public IdIndex users() {
        return data.users();
    }

    @Override
    public IdIndex items() {
        return data.items();
    }

    public ModelData data() {
        return data;
    }

    @Override
    public ScoredItems recommend(int user, RecommendRequest request) {
        throw notServing();
    }

    @Override
    public ScoredItems recommendFor(int[] recentItems, RecommendRequest request) {
        throw notServing();
    }

    @Override
    public ScoredItems similarItems(int item, RecommendRequest request) {
        throw notServing();
    }

    @Override
    public void writeTo(ArtifactWriter out) throws IOException {
        data.write(out);
        meta.forEach(out::putMeta);
        body.write(out);
    }

    private UnsupportedOperationException notServing() {
        return new UnsupportedOperationException("A Spark-trained " + algorithm + " model only exports; save it with "
                + "ModelArtifacts.save and serve the directory with ModelArtifacts.load(dir, Algorithms.discover()) "
                + "in the embedded runtime (recsys-models on the class path)");
    }
}

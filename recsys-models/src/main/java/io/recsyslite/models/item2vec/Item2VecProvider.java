package io.recsyslite.models.item2vec;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Item2Vec (Barkan and Koenigstein 2016): skip-gram with negative sampling over each user's
 * time-ordered item sequence, trained with DL4J's Word2Vec (items are the words, users' histories
 * the sentences). A user or session is the recency-weighted mean of its last items' vectors, and
 * items are ranked by cosine similarity. Items that never occur in training (or fewer than
 * {@code min_count} times) get a zero vector and are never ranked above an item with a vector.
 * Stateless.
 */
public final class Item2VecProvider implements RecommenderProvider {
    public static final String NAME = "item2vec";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "item2vec: skip-gram embeddings of users' item sequences (DL4J Word2Vec), cosine similarity";
    }

    @Override
    public ParamSpace paramSpace() {
        return ParamSpace.of(
                ParamSpec.intLogRange("vector_size", 64, 16, 256),
                ParamSpec.intRange("window", 50, 2, 100),
                ParamSpec.intRange("negative", 5, 1, 20),
                ParamSpec.intRange("epochs", 20, 1, 50),
                ParamSpec.intRange("min_count", 1, 1, 10),
                ParamSpec.floatLogRange("subsampling", 0.1, 1e-5, 1.0),
                ParamSpec.floatLogRange("learning_rate", 0.025, 0.001, 0.2),
                ParamSpec.floatRange("recency_decay", 0.98, 0.5, 1.0),
                ParamSpec.intRange("recent_items", 50, 1, 200));
    }

    @Override
    public Recommender fit(TrainingData data, Params params, TrainingContext context) {
        int dim = params.getInt("vector_size", 1);
        Item2VecModel.Query query = query(params);
        Word2Vec word2vec = new Word2Vec.Builder()
                .layerSize(dim)
                .windowSize(params.getInt("window", 1))
                .negativeSample(params.getInt("negative", 1))
                .useHierarchicSoftmax(false)
                .epochs(params.getInt("epochs", 1))
                .iterations(1)
                .minWordFrequency(params.getInt("min_count", 1))
                .sampling(params.getDouble("subsampling", 0))
                .learningRate(params.getDouble("learning_rate", Double.MIN_VALUE))
                .minLearningRate(1e-4 * params.getDouble("learning_rate"))
                .seed(context.seed())
                .workers(context.threads())
                .allowParallelTokenization(false)
                .iterate(new CollectionSentenceIterator(sentences(data.sequences())))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .build();
        word2vec.fit();
        float[] itemVectors = new float[data.numItems() * dim];
        for (int i = 0; i < data.numItems(); i++) {
            INDArray v = word2vec.getWordVectorMatrix(Integer.toString(i));
            if (v != null) {
                System.arraycopy(v.toFloatVector(), 0, itemVectors, i * dim, dim);
            }
        }
        float[] userVectors = new float[data.numUsers() * dim];
        Sequences sequences = data.sequences();
        for (int u = 0; u < data.numUsers(); u++) {
            float[] q = query.of(itemVectors, dim, sequences.items(u));
            System.arraycopy(q, 0, userVectors, u * dim, dim);
        }
        context.progress().update(NAME, 1, 1);
        return new Item2VecModel(params, ModelData.of(data), dim, itemVectors, userVectors, query);
    }

    @Override
    public Recommender load(ArtifactReader in) throws IOException {
        ModelData data = ModelData.read(in);
        Params params = paramSpace().resolve(in.manifest().params());
        int dim = in.meta("vector_size").asInt();
        return new Item2VecModel(params, data, dim, in.floats("item_vectors", data.items().size(), dim),
                in.floats("user_vectors", data.users().size(), dim), query(params));
    }

    private static Item2VecModel.Query query(Params params) {
        return new Item2VecModel.Query(params.getInt("recent_items", 1), params.getDouble("recency_decay", 0));
    }

    /** Each user's items, oldest first, as a sentence of item-int tokens. */
    private static List<String> sentences(Sequences sequences) {
        List<String> out = new ArrayList<>(sequences.numUsers());
        for (int u = 0; u < sequences.numUsers(); u++) {
            if (sequences.length(u) == 0) {
                continue;
            }
            StringJoiner s = new StringJoiner(" ");
            for (int p = sequences.start(u); p < sequences.end(u); p++) {
                s.add(Integer.toString(sequences.item(p)));
            }
            out.add(s.toString());
        }
        return out;
    }
}

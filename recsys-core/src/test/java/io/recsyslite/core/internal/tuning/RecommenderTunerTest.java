package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.internal.data.TrainingDataBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderTunerTest {
    /** A model that only knows how good it is: best at quality 0.7, better with every epoch. */
    private record ToyModel(Params params, TrainingData data, double goodness) implements Recommender {
        @Override
        public String algorithm() {
            return "toy";
        }

        @Override
        public IdIndex users() {
            return data.users();
        }

        @Override
        public IdIndex items() {
            return data.items();
        }

        @Override
        public ScoredItems recommend(int user, RecommendRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScoredItems recommendFor(int[] recentItems, RecommendRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScoredItems similarItems(int item, RecommendRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeTo(ArtifactWriter out) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class ToyProvider implements RecommenderProvider {
        final List<TrainingData> fittedOn = new ArrayList<>();

        @Override
        public String name() {
            return "toy";
        }

        @Override
        public String description() {
            return "test double";
        }

        @Override
        public ParamSpace paramSpace() {
            return ParamSpace.of(ParamSpec.floatRange("quality", 0.1, 0.0, 1.0), ParamSpec.fixedInt("epochs", 4));
        }

        @Override
        public Recommender fit(TrainingData data, Params params, TrainingContext context) {
            fittedOn.add(data);
            int epochs = params.getInt("epochs");
            double quality = 1 - Math.abs(params.getDouble("quality") - 0.7);
            for (int e = 1; e <= epochs; e++) {
                double sofar = quality * e / epochs;
                context.epochs().epochEnded(e, () -> new ToyModel(params, data, sofar));
            }
            return new ToyModel(params, data, quality);
        }

        @Override
        public Recommender load(ArtifactReader in) {
            throw new UnsupportedOperationException();
        }
    }

    private static TrainingData data(int users) {
        EventColumns events = new EventColumns();
        for (int u = 0; u < users; u++) {
            events.add(u, u % 3, 1000L + u, 1);
        }
        List<String> userIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userIds.add("u" + u);
        }
        return TrainingDataBuilder.build(IdIndex.of(userIds), IdIndex.of("a", "b", "c"), events,
                ConfidenceWeighting.binary(), ItemMetadata.empty(3));
    }

    @Test
    void fixedParamsAreNotTunedAndBadOnesAreRejectedByName() throws Exception {
        ToyProvider provider = new ToyProvider();
        TrainingData training = data(3);
        RecommenderTuner.Result result = RecommenderTuner.builder(provider, "hr@10")
                .splitter(all -> new RecommenderTuner.Holdout(all, m -> ((ToyModel) m).goodness()))
                .fixedParams(Map.of("quality", "0.25")).trials(5).threads(1).build().tune(training);
        assertThat(result.study().trials()).hasSize(1); // nothing left to tune
        assertThat(result.best().params()).containsEntry("quality", 0.25);
        assertThatThrownBy(() -> RecommenderTuner.builder(provider, "hr@10").fixedParams(Map.of("quality", "high"))
                .splitter(all -> null).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'quality'");
    }

    @Test
    void tunesOnTheValidationSplitAndTouchesTheTestSplitOnceWithTheRefittedBestModel(@TempDir Path out)
            throws Exception {
        TrainingData training = data(6);
        TrainingData validationTrain = data(4);
        ToyProvider provider = new ToyProvider();
        List<Recommender> testedModels = new ArrayList<>();
        Map<String, Double> sunk = new HashMap<>();
        List<Recommender> saved = new ArrayList<>();

        RecommenderTuner.Result result = RecommenderTuner.builder(provider, "ndcg@20")
                .splitter(all -> {
                    assertThat(all).isSameAs(training);
                    return new RecommenderTuner.Holdout(validationTrain, m -> ((ToyModel) m).goodness());
                })
                .testMetric(m -> {
                    testedModels.add(m);
                    return 0.5;
                })
                .trials(20).seed(3).threads(1).outputDir(out)
                .bestModelSink((model, best, metrics) -> {
                    saved.add(model);
                    sunk.putAll(metrics);
                })
                .build().tune(training);

        assertThat(provider.fittedOn).hasSize(21);
        assertThat(provider.fittedOn.subList(0, 20)).allMatch(d -> d == validationTrain);
        assertThat(provider.fittedOn.get(20)).isSameAs(training);
        assertThat(testedModels).containsExactly(result.model());
        assertThat(saved).containsExactly(result.model());
        assertThat(((ToyModel) result.model()).data()).isSameAs(training);
        assertThat(result.model().params().asMap()).isEqualTo(result.best().params());
        assertThat((Double) result.best().params().get("quality")).isBetween(0.55, 0.85);
        assertThat(result.study().count(TrialState.PRUNED)).isPositive();
        assertThat(result.testScore()).hasValue(0.5);
        assertThat(sunk).containsEntry("test_ndcg@20", 0.5).containsEntry("validation_ndcg@20", result.best().value());

        JsonNode json = new ObjectMapper().readTree(out.resolve("best_params.json").toFile());
        assertThat(json.get("algorithm").asText()).isEqualTo("toy");
        assertThat(json.get("metric").asText()).isEqualTo("ndcg@20");
        assertThat(json.get("test_value").asDouble()).isEqualTo(0.5);
        assertThat(json.get("params").get("epochs").asInt()).isEqualTo(4);
        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(21);
    }
}

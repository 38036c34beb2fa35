package io.recsyslite.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.testing.PublicTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * recsys-core's public types outside {@code internal} packages are the API of an algorithm's author
 * (the SPI, its data, ranking, index, artifact and error types); how training data is built, offline
 * evaluation, tuning and file helpers are internal. A new public type is a decision: add it here.
 */
class ApiSurfaceTest {
    @Test
    void publicTypesOutsideInternalAreTheAlgorithmAuthorsApi() throws Exception {
        List<String> published = PublicTypes.besides(LibraryVersion.class).stream().filter(PublicTypes::isExported)
                .map(name -> name.substring("io.recsyslite.core.".length()))
                .toList();

        assertThat(published).containsExactlyInAnyOrder(
                "LibraryVersion", "artifact.ArtifactReader", "artifact.ArtifactWriter", "artifact.ModelArtifacts",
                "artifact.ModelManifest", "artifact.Provenance", "data.ConfidenceWeighting", "data.CsrMatrix",
                "data.IdIndex", "data.Interactions", "data.ItemMetadata", "data.Sequences",
                "data.TrainingData", "error.CorruptModelException", "error.InvalidDataException", "error.InvalidParameterException",
                "error.NotFoundException", "error.RecsysException", "error.UnknownNameException", "index.ExactItemIndex",
                "index.ExactItemIndexProvider", "index.IndexCalibration", "index.IndexOptions", "index.ItemIndex",
                "index.ItemIndexProvider", "index.ItemIndexes", "index.Metric", "index.TunableIndex",
                "rank.ItemFilter", "rank.RecommendRequest", "rank.ScoredItems", "rank.TopK",
                "spi.Algorithms", "spi.EmbeddingModel", "spi.EpochListener", "spi.Explainer",
                "spi.ExplainingRecommender", "spi.FoldIn", "spi.FoldInUsers", "spi.ModelData",
                "spi.ParamSpace", "spi.ParamSpec", "spi.Params", "spi.ProgressListener",
                "spi.Recommender", "spi.RecommenderProvider", "spi.ScoringRecommender", "spi.TrainingContext",
                "spi.TrialPrunedException");
    }
}

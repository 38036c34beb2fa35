package io.recsyslite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.error.InvalidParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobOptionsTest {
    @Test
    void parsesEveryOption() {
        JobOptions o = JobOptions.parse("--events", "hdfs:///e", "--items", "s3a://b/items.csv", "--algorithm", "ALS",
                "--output", "/m", "--param", "factors=32", "--param", "alpha = 2", "--weighting", "qty",
                "--topk-output", "/t", "--k", "7");
        assertThat(o).isEqualTo(new JobOptions("hdfs:///e", "s3a://b/items.csv", "als", "/m",
                Map.of("factors", "32", "alpha", "2"), ConfidenceWeighting.Quantity.QTY, "/t", 7));
    }

    @Test
    void defaultsAreQuantityWeightingAsTheEmbeddedTrainerNoCatalogueAndTopTen() {
        JobOptions o = JobOptions.parse("--events", "e", "--algorithm", "item2vec", "--output", "m");
        assertThat(o.items()).isNull();
        assertThat(o.topkOutput()).isNull();
        assertThat(o.weighting()).isEqualTo(ConfidenceWeighting.Quantity.QTY);
        assertThat(o.k()).isEqualTo(10);
    }

    @Test
    void badCommandLinesNameTheOption() {
        assertThatThrownBy(() -> JobOptions.parse("--events", "e", "--algorithm", "als"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("--output").hasMessageContaining("Usage");
        assertThatThrownBy(() -> JobOptions.parse("--events", "e", "--algorithm", "bpr", "--output", "m"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("bpr");
        assertThatThrownBy(() -> JobOptions.parse("--events", "e", "--algorithm", "als", "--output", "m", "--k", "0"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("--k");
        assertThatThrownBy(() -> JobOptions.parse("--events", "e", "--algorithm", "als", "--output", "m", "--param", "x"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("name=value");
        assertThatThrownBy(() -> JobOptions.parse("--events", "e", "--bogus", "1"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> JobOptions.parse("--events"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("needs a value");
    }

    @Test
    void parametersAreSplitBetweenEmbeddedAndSparkOnly() {
        SplitParams p = new SparkAls().resolve(Map.of("factors", "16", "num_blocks", "4"));
        assertThat(p.shared().asMap()).containsOnlyKeys("factors", "regularization", "alpha", "iterations")
                .containsEntry("factors", 16);
        assertThat(p.sparkOnly().asMap()).containsEntry("num_blocks", 4).containsEntry("seed", 42);
        assertThatThrownBy(() -> new SparkItem2Vec().resolve(Map.of("negative", "5")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'negative'")
                .hasMessageContaining("vector_size");
        assertThatThrownBy(() -> new SparkAls().resolve(Map.of("factors", "many")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("factors");
    }
}

package io.recsyslite.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidDataException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsRatingsAsBinaryEventsWithIdsInNumericOrder() throws Exception {
        Path file = Files.writeString(tmp.resolve("u.data"), "10\t5\t3\t100\n2\t5\t1\t90\n10\t7\t5\t80\n10\t5\t4\t120\n");
        TrainingData data = MovieLensLoader.load(file);
        assertThat(data.users().ids()).containsExactly("2", "10");
        assertThat(data.items().ids()).containsExactly("5", "7");
        assertThat(data.sequences().items(1)).containsExactly(1, 0, 0);
        assertThat(data.interactions().userItems().get(1, 0)).isEqualTo(1f);
    }

    @Test
    void badRowNamesFileLineAndColumn() throws Exception {
        Path file = Files.writeString(tmp.resolve("u.data"), "1\t2\t3\t4\n1\tx\t3\t4\n");
        assertThatThrownBy(() -> MovieLensLoader.load(file)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("u.data line 2 column 2 (item)");
    }

    @Test
    void paramsAreGroupedByAlgorithm() {
        ReportOptions o = ReportOptions.parse("--algorithms", "als,popularity", "--param", "als.factors=64",
                "--param", "als.regularization=0.1", "--threads", "2");
        assertThat(o.paramsFor("als")).containsEntry("factors", "64").containsEntry("regularization", "0.1");
        assertThat(o.paramsFor("popularity")).isEmpty();
        assertThatThrownBy(() -> ReportOptions.parse("--param", "factors=64"))
                .hasMessageContaining("ALGO.NAME=VALUE");
        assertThat(QualityReport.datasetName("/data/ml-100k/u.data")).isEqualTo("ml-100k");
    }
}

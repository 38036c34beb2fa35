package io.recsyslite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.ModelManifest;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on local Spark and serves the artifacts with the embedded runtime (recsys-models). */
class TrainJobTest {
    private static final int USERS = 60;
    private static final int ITEMS = 40;
    private static final int GROUPS = 2;
    private static final String COLD_ITEM = "new-item";

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path events;
    private static Path catalogue;
    private static final Map<String, Set<String>> seen = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        spark = SparkTestSession.start();
        events = dir.resolve("events.parquet");
        catalogue = dir.resolve("items.csv");
        List<Row> rows = SyntheticEvents.rows(USERS, ITEMS, GROUPS, 12, 7);
        SyntheticEvents.writeParquet(spark, rows, events);
        for (Row r : rows) {
            seen.computeIfAbsent(r.getString(0), u -> new HashSet<>()).add(r.getString(1));
        }
        SyntheticEvents.writeCatalogue(catalogue, ITEMS, List.of(COLD_ITEM));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static JobOptions options(String algorithm, String output, String... extra) {
        List<String> args = new ArrayList<>(List.of("--events", events.toString(), "--items", catalogue.toString(),
                "--algorithm", algorithm, "--output", output));
        args.addAll(List.of(extra));
        return JobOptions.parse(args.toArray(String[]::new));
    }

    @Test
    void alsArtifactIsServedByTheEmbeddedRuntime() throws IOException {
        Path out = dir.resolve("als-model");
        Path topk = dir.resolve("als-topk.parquet");
        ModelManifest saved = TrainJob.run(spark, options("als", out.toString(), "--param", "factors=8",
                "--param", "iterations=8", "--param", "num_blocks=2", "--topk-output", topk.toString(), "--k", "5"));

        ModelArtifacts.Loaded loaded = ModelArtifacts.load(out, Algorithms.discover());
        Recommender model = loaded.model();
        assertThat(model.algorithm()).isEqualTo("als");
        assertServesWithinGroups(model);

        ModelManifest manifest = loaded.manifest();
        assertThat(manifest).isEqualTo(saved);
        assertThat(manifest.params()).containsEntry("factors", 8).containsEntry("iterations", 8)
                .containsEntry("regularization", 0.1).containsEntry("alpha", 5.0)
                .doesNotContainKey("num_blocks");
        assertThat(manifest.model().get("dim").asInt()).isEqualTo(8);
        assertThat(manifest.model().get("spark_version").asText()).isEqualTo(spark.version());
        assertThat(manifest.model().get("spark_params").get("num_blocks").asInt()).isEqualTo(2);
        assertThat(manifest.model().get("spark_params").get("weighting").asText()).isEqualTo("qty");
        assertThat(manifest.provenance().dataFingerprint()).matches("sha256:[0-9a-f]{64}");
        assertThat(manifest.provenance().seed()).isEqualTo(42L);

        assertTopKMatchesEmbedded(topk, model, 5);
    }

    @Test
    void item2vecArtifactIsServedByTheEmbeddedRuntime() throws IOException {
        Path out = dir.resolve("item2vec-model");
        Path topk = dir.resolve("item2vec-topk.parquet");
        TrainJob.run(spark, options("item2vec", out.toString(), "--param", "vector_size=16", "--param", "epochs=5",
                "--param", "window=3", "--topk-output", topk.toString(), "--k", "5"));

        ModelArtifacts.Loaded loaded = ModelArtifacts.load(out, Algorithms.discover());
        Recommender model = loaded.model();
        assertThat(model.algorithm()).isEqualTo("item2vec");
        assertServesWithinGroups(model);
        int cold = model.items().indexOf(COLD_ITEM);
        assertThat(model.similarItems(model.items().indexOf(SyntheticEvents.itemId(1)), RecommendRequest.top(5)).items())
                .doesNotContain(cold);

        ModelManifest manifest = loaded.manifest();
        assertThat(manifest.params()).containsEntry("vector_size", 16).containsEntry("epochs", 5)
                .containsEntry("window", 3).containsEntry("min_count", 1).containsEntry("recent_items", 10)
                .doesNotContainKeys("num_partitions", "negative");
        assertThat(manifest.model().get("vector_size").asInt()).isEqualTo(16);
        assertThat(manifest.model().get("spark_version").asText()).isEqualTo(spark.version());
        assertThat(manifest.model().get("spark_params").get("num_partitions").asInt()).isEqualTo(1);
        assertThat(manifest.provenance().dataFingerprint()).matches("sha256:[0-9a-f]{64}");

        assertTopKMatchesEmbedded(topk, model, 5);
    }

    @Test
    void fingerprintFollowsTheData() throws IOException {
        String first = SparkInput.read(spark, events.toString(), catalogue.toString()).fingerprint();
        String again = SparkInput.read(spark, events.toString(), catalogue.toString()).fingerprint();
        String withoutCatalogue = SparkInput.read(spark, events.toString(), null).fingerprint();
        assertThat(again).isEqualTo(first);
        assertThat(withoutCatalogue).isNotEqualTo(first);
    }

    @Test
    void idsAreSortedAndCoverTheCatalogue() {
        SparkInput input = SparkInput.read(spark, events.toString(), catalogue.toString());
        List<String> items = input.items().ids();
        assertThat(items).isSorted().hasSize(ITEMS + 1).contains(COLD_ITEM);
        assertThat(input.users().ids()).isSorted().hasSize(USERS);
        input.release();
    }

    @Test
    void eventsWithoutAContractColumnAreRejectedByName() {
        Path bad = dir.resolve("bad-events.parquet");
        spark.createDataFrame(SyntheticEvents.rows(3, 4, 1, 2, 1), SyntheticEvents.SCHEMA).drop("ts")
                .write().parquet(bad.toString());
        assertThatThrownBy(() -> SparkInput.read(spark, bad.toString(), null))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("'ts'").hasMessageContaining(bad.toString());
    }

    @Test
    void emptyIdsAreRejectedWithTheColumnAndCount() {
        Path bad = dir.resolve("empty-ids.parquet");
        List<Row> rows = new ArrayList<>(SyntheticEvents.rows(3, 4, 1, 2, 1));
        rows.add(RowFactory.create("u9", "", 1L, 1));
        rows.add(RowFactory.create("u9", null, 2L, 1));
        spark.createDataFrame(rows, SyntheticEvents.NULLABLE_SCHEMA).write().parquet(bad.toString());
        assertThatThrownBy(() -> SparkInput.read(spark, bad.toString(), null))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("'item_id'")
                .hasMessageContaining("in 2 rows").hasMessageContaining("u9");
    }

    @Test
    void unknownParameterIsRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> TrainJob.run(spark, options("als", dir.resolve("x").toString(), "--param", "rank=3")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'rank'")
                .hasMessageContaining("factors").hasMessageContaining("num_blocks");
    }

    /** Every user's recommendations are unseen items, mostly from the user's taste group; similar items too. */
    static void assertServesWithinGroups(Recommender model) {
        int inGroup = 0;
        int total = 0;
        for (int u = 0; u < USERS; u++) {
            int user = model.users().indexOf(SyntheticEvents.userId(u));
            ScoredItems top = model.recommend(user, RecommendRequest.top(3));
            assertThat(top.size()).isEqualTo(3);
            assertThat(Arrays.stream(top.items()).mapToObj(model.items()::idOf))
                    .doesNotContainAnyElementsOf(seen.get(SyntheticEvents.userId(u)));
            for (int r = 0; r < top.size(); r++) {
                String id = model.items().idOf(top.item(r));
                if (!id.equals(COLD_ITEM)) {
                    int item = Integer.parseInt(id.substring(1));
                    inGroup += SyntheticEvents.group(item, ITEMS, GROUPS) == u % GROUPS ? 1 : 0;
                }
                total++;
            }
        }
        assertThat(inGroup).isGreaterThan(total * 8 / 10);
        int item = model.items().indexOf(SyntheticEvents.itemId(0));
        ScoredItems similar = model.similarItems(item, RecommendRequest.top(5));
        assertThat(similar.size()).isEqualTo(5);
        long sameGroup = Arrays.stream(similar.items()).mapToObj(model.items()::idOf)
                .filter(id -> !id.equals(COLD_ITEM))
                .filter(id -> SyntheticEvents.group(Integer.parseInt(id.substring(1)), ITEMS, GROUPS) == 0).count();
        assertThat(sameGroup).isGreaterThanOrEqualTo(4);
    }

    /** k rows per user, ranks 1..k, and the same best item as the embedded recommend. */
    static void assertTopKMatchesEmbedded(Path topk, Recommender model, int k) {
        List<Row> rows = spark.read().parquet(topk.toString()).collectAsList();
        Map<String, List<Row>> byUser = rows.stream().collect(Collectors.groupingBy(r -> r.getString(0)));
        assertThat(byUser).hasSize(USERS);
        int agree = 0;
        for (Map.Entry<String, List<Row>> e : byUser.entrySet()) {
            List<Row> list = e.getValue();
            assertThat(list).hasSize(k);
            assertThat(list.stream().map(r -> r.getInt(3)).sorted().toList()).containsExactly(1, 2, 3, 4, 5);
            String best = list.stream().filter(r -> r.getInt(3) == 1).findFirst().orElseThrow().getString(1);
            ScoredItems embedded = model.recommend(model.users().indexOf(e.getKey()), RecommendRequest.top(1));
            agree += model.items().idOf(embedded.item(0)).equals(best) ? 1 : 0;
        }
        assertThat(agree).isGreaterThanOrEqualTo(USERS - 1);
    }
}

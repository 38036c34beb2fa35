package io.recsyslite.examples.cli;

import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.Recommendations;
import static io.recsyslite.examples.cli.CliWorkflowTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.recsyslite.internal.serving.RecSysEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code recommend-all} writes, for every user, what {@code recommend} answers for that user. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommendAllCommandTest {
    private static final int K = 6;
    @TempDir
    static Path tmp;
    private Path db;
    private String category;

    @BeforeAll
    void shop() {
        Path data = tmp.resolve("data");
        db = tmp.resolve("recsys.db");
        // 4,500 users: more than one block of the batch (4,096), so the next block is scored while one is written
        assertThat(run("generate-sample", "--out", data.toString(), "--events", "90000", "--items", "300").exit()).isZero();
        assertThat(run("ingest", "--events", data.resolve("events.parquet").toString(),
                "--items", data.resolve("items.csv").toString(), "--db", db.toString()).exit()).isZero();
        category = rows(data.resolve("items.csv"), "SELECT category FROM read_csv_auto(?) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
                .get(0).get(0);
    }

    /** als is scored through the batch index, popularity through its own recommend(). */
    @ParameterizedTest
    @ValueSource(strings = {"als", "popularity"})
    void everyUsersRowsAreTheirRecommendations(String algorithm) throws Exception {
        Path model = tmp.resolve("models").resolve(algorithm);
        assertThat(run("train", algorithm, "--db", db.toString(), "--output", model.toString()).exit()).isZero();
        Path output = tmp.resolve(algorithm + "-recs.parquet");

        CliWorkflowTest.Run all = run("recommend-all", "--model-dir", model.toString(), "--db", db.toString(),
                "-k", Integer.toString(K), "--category", category, "--max-price", "150", "--output", output.toString(),
                "--threads", "2");

        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.err()).contains("recommend-all");
        Map<String, List<List<String>>> byUser = new LinkedHashMap<>();
        for (List<String> row : rows(output, "SELECT user_id, rank, item_id, score FROM read_parquet(?) ORDER BY user_id, rank")) {
            byUser.computeIfAbsent(row.get(0), u -> new ArrayList<>()).add(row);
        }
        RecommendOptions options = RecommendOptions.defaults().withCategories(Set.of(category)).withPriceRange(null, 150.0);
        try (RecSysEngine recSys = RecSysEngine.open(RecSysConfig.defaults(db), model)) {
            List<String> users = rows(tmp.resolve("data/events.parquet"), "SELECT DISTINCT user_id FROM read_parquet(?)")
                    .stream().map(row -> row.get(0)).toList();
            assertThat(users).as("more users than one block of the batch").hasSizeGreaterThan(4096);
            assertThat(users).containsAll(byUser.keySet());
            for (String user : users) { // a user with nothing left to recommend under the filter has no rows
                List<Recommendations.Item> expected = recSys.recommend(user, K, options).items();
                List<List<String>> rows = byUser.getOrDefault(user, List.of());
                assertThat(rows).as(user).hasSize(expected.size());
                for (int r = 0; r < rows.size(); r++) {
                    assertThat(rows.get(r).get(1)).isEqualTo(Integer.toString(r + 1));
                    assertThat(rows.get(r).get(2)).as("%s rank %d", user, r + 1).isEqualTo(expected.get(r).itemId());
                    assertThat(Double.parseDouble(rows.get(r).get(3))).isCloseTo(expected.get(r).score(),
                            offset(1e-4 + 1e-4 * Math.abs(expected.get(r).score())));
                }
            }
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp") || n.contains(".spill"));
        }
    }

    private static List<List<String>> rows(Path file, String sql) {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement st = conn.prepareStatement(sql)) {
            st.setString(1, file.toString());
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getString(c));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

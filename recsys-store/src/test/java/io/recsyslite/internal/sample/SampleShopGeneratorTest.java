package io.recsyslite.internal.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleShopGeneratorTest {
    @TempDir
    Path tmp;

    @Test
    void smallShopHasExactlyTheEventsAskedForInSessions() {
        SampleShopConfig config = SampleShopConfig.ofEvents(1000);
        TrainingData data = new SampleShopGenerator(config).trainingData(ConfidenceWeighting.byQuantity());
        Sequences seq = data.sequences();
        assertThat(seq.totalEvents()).isEqualTo(1000);
        assertThat(data.numUsers()).isEqualTo(config.users());
        assertThat(data.numItems()).isEqualTo(config.items());
        int withinMinutes = 0;
        int daysApart = 0;
        for (int u = 0; u < seq.numUsers(); u++) {
            assertThat(seq.length(u)).as("user %d", u).isPositive();
            for (int p = seq.start(u); p < seq.end(u); p++) {
                assertThat(seq.quantity(p)).isIn(1f, 2f, 3f);
                assertThat(seq.timestamp(p)).isGreaterThanOrEqualTo(config.startTs());
                if (p > seq.start(u)) {
                    long gap = seq.timestamp(p) - seq.timestamp(p - 1);
                    assertThat(gap).as("within a session or hours apart").isPositive()
                            .satisfiesAnyOf(g -> assertThat(g).isLessThanOrEqualTo(315), g -> assertThat(g).isGreaterThanOrEqualTo(3600));
                    if (gap <= 315) {
                        withinMinutes++;
                    } else {
                        daysApart++;
                    }
                }
            }
        }
        assertThat(withinMinutes).isPositive();
        assertThat(daysApart).isPositive();
        assertThat(data.metadata().category(0)).isNotBlank();
        assertThat(data.metadata().price(0)).isPositive();
        assertThat(data.metadata().imageUrl(3)).isEqualTo("/img/"
                + data.metadata().category(3).toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".svg");
        assertThat(data.metadata().title(3)).endsWith(" 3"); // titles are numbered like their ids (item_3)
    }

    @Test
    void historiesStayWithinAboutAYearOfTheStart() {
        SampleShopConfig config = SampleShopConfig.ofEvents(50_000);
        Sequences seq = new SampleShopGenerator(config).trainingData(ConfidenceWeighting.binary()).sequences();
        long latest = 0;
        for (int p = 0; p < seq.totalEvents(); p++) {
            latest = Math.max(latest, seq.timestamp(p));
        }
        assertThat(latest).isBetween(config.startTs() + 300L * 86_400, config.startTs() + 400L * 86_400);
    }

    @Test
    void popularityIsSkewedAndUsersStickToFewCategories() {
        TrainingData data = new SampleShopGenerator(SampleShopConfig.ofEvents(50_000))
                .trainingData(ConfidenceWeighting.byQuantity());
        Sequences seq = data.sequences();
        int[] counts = new int[data.numItems()];
        for (int p = 0; p < seq.totalEvents(); p++) {
            counts[seq.item(p)]++;
        }
        Arrays.sort(counts);
        long top10Percent = 0;
        for (int i = counts.length - counts.length / 10; i < counts.length; i++) {
            top10Percent += counts[i];
        }
        assertThat(top10Percent / (double) seq.totalEvents()).as("share of the top 10% items").isGreaterThan(0.4);

        double topCategoryShare = 0;
        int users = 0;
        for (int u = 0; u < seq.numUsers(); u++) {
            if (seq.length(u) >= 10) {
                Map<String, Integer> byCategory = new LinkedHashMap<>();
                for (int p = seq.start(u); p < seq.end(u); p++) {
                    byCategory.merge(data.metadata().category(seq.item(p)), 1, Integer::sum);
                }
                topCategoryShare += byCategory.values().stream().mapToInt(Integer::intValue).max().orElseThrow()
                        / (double) seq.length(u);
                users++;
            }
        }
        assertThat(users).isPositive();
        assertThat(topCategoryShare / users).as("mean share of a user's favourite category").isGreaterThan(0.4);
        double repeatShare = 1 - data.interactions().nnz() / (double) seq.totalEvents();
        assertThat(repeatShare).as("share of events that buy an item again").isBetween(0.03, 0.2);
    }

    @Test
    void sameSeedWritesIdenticalFilesAndAnotherSeedDoes() throws Exception {
        SampleShopConfig config = SampleShopConfig.ofEvents(5000);
        new SampleShopGenerator(config).writeTo(tmp.resolve("a"));
        new SampleShopGenerator(config).writeTo(tmp.resolve("b"));
        new SampleShopGenerator(config.withSeed(7)).writeTo(tmp.resolve("c"));
        for (String file : new String[] {"events.parquet", "items.csv", SampleShopConfig.FILE_NAME}) {
            assertThat(sha256(tmp.resolve("a").resolve(file))).as(file)
                    .isEqualTo(sha256(tmp.resolve("b").resolve(file)));
        }
        assertThat(sha256(tmp.resolve("c/events.parquet"))).isNotEqualTo(sha256(tmp.resolve("a/events.parquet")));
        try (var files = Files.list(tmp.resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("events.parquet", "items.csv",
                    SampleShopConfig.FILE_NAME);
        }
        assertThat(SampleShopConfig.readFrom(tmp.resolve("c"))).isEqualTo(config.withSeed(7));
    }

    @Test
    void filesFollowTheDataContractAndMatchTheInMemoryShop() throws Exception {
        SampleShopConfig config = SampleShopConfig.ofEvents(3000).withUsers(100).withItems(80);
        SampleShopGenerator generator = new SampleShopGenerator(config);
        Map<String, String> lastProgress = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        generator.writeTo(tmp, (stage, done, total) -> lastProgress.put(stage, done + "/" + total));
        assertThat(lastProgress).containsExactly(Map.entry("generate events", "3000/3000"),
                Map.entry("write parquet", "1/1"));
        String events = "read_parquet('" + tmp.resolve("events.parquet") + "')";
        String items = "read_csv('" + tmp.resolve("items.csv") + "', header = true)";
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:"); Statement st = conn.createStatement()) {
            assertThat(columns(st, "DESCRIBE SELECT * FROM " + events)).containsExactly(
                    "user_id VARCHAR", "item_id VARCHAR", "ts BIGINT", "qty INTEGER");
            assertThat(columns(st, "DESCRIBE SELECT * FROM " + items)).containsExactly(
                    "item_id VARCHAR", "title VARCHAR", "category VARCHAR", "brand VARCHAR", "price DOUBLE",
                    "img_url VARCHAR");
            assertThat(single(st, "SELECT count(*) FROM " + events)).isEqualTo(3000);
            assertThat(single(st, "SELECT count(DISTINCT user_id) FROM " + events)).isEqualTo(100);
            assertThat(single(st, "SELECT count(*) FROM " + items)).isEqualTo(80);
            assertThat(single(st, "SELECT count(*) FROM " + events + " e ANTI JOIN " + items
                    + " i USING (item_id)")).as("events of unknown items").isZero();
            assertThat(single(st, "SELECT count(*) FROM " + items + " WHERE price <= 0 OR img_url NOT LIKE '/img/%.svg'"))
                    .isZero();

            TrainingData memory = generator.trainingData(ConfidenceWeighting.byQuantity());
            assertThat(single(st, "SELECT sum(qty) FROM " + events))
                    .isEqualTo((long) sumQuantities(memory.sequences()));
        }
    }

    @Test
    void invalidSizesAreRejectedWithTheParameterName() {
        assertThatThrownBy(() -> SampleShopConfig.ofEvents(0)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("events");
        assertThatThrownBy(() -> SampleShopConfig.ofEvents(100).withUsers(101))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("users");
    }

    private static double sumQuantities(Sequences seq) {
        double sum = 0;
        for (int p = 0; p < seq.totalEvents(); p++) {
            sum += seq.quantity(p);
        }
        return sum;
    }

    private static List<String> columns(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString("column_name") + " " + rs.getString("column_type"));
            }
        }
        return out;
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(Path file) throws IOException {
        return Sha256.hex(file);
    }
}

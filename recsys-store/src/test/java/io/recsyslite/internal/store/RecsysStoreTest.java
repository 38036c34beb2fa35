package io.recsyslite.internal.store;

import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.testing.StoreHeldElsewhere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.recsyslite.internal.store.TestFiles.TS;
import static io.recsyslite.internal.store.TestFiles.csv;
import static io.recsyslite.internal.store.TestFiles.parquet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RecsysStoreTest {
    @TempDir
    Path dir;

    private Path events(String name, int rows) {
        return parquet(dir.resolve(name), "SELECT 'u' || (i % 3) AS user_id, 'i' || (i % 4) AS item_id, "
                + TS + " + i AS ts, 1 + i % 2 AS qty FROM range(" + rows + ") r(i)");
    }

    @Test
    void aStoreHeldByAnotherProcessIsATypedBusyErrorWithoutPathOrPid() throws Exception {
        Path db = dir.resolve("recsys.db");
        RecsysStore.open(db).close();
        try (StoreHeldElsewhere held = StoreHeldElsewhere.hold(db)) {
            assertThatThrownBy(() -> RecsysStore.open(db))
                    .isInstanceOfSatisfying(StoreBusyException.class, e -> assertThat(e.dbFile()).isEqualTo(db))
                    .message().doesNotContain(db.toString()).doesNotContainPattern("(?i)pid|java");
        }
        RecsysStore.open(db).close();
    }

    @Test
    void ingestingTheSameContentTwiceAddsNothing() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            Path file = events("events.parquet", 10);
            IngestReport first = store.ingestEvents(file);
            Path copy = dir.resolve("copy.parquet");
            copyFile(file, copy);

            IngestReport again = store.ingestEvents(file);
            IngestReport copied = store.ingestEvents(copy);

            assertThat(first.rows()).isEqualTo(10);
            assertThat(first.skippedAsDuplicateFile()).isFalse();
            assertThat(again.skippedAsDuplicateFile()).isTrue();
            assertThat(again.rows()).isZero();
            assertThat(again.describe()).contains("already ingested");
            assertThat(copied.skippedAsDuplicateFile()).isTrue();
            assertThat(store.eventCount()).isEqualTo(10);
        }
    }

    @Test
    void ingestsCsvEventsAndReportsProgressStages() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            Path file = csv(dir.resolve("events.csv"), "user_id,item_id,ts,qty",
                    "u1,i1," + TS + ",2", "\"u,2\",i2," + (TS + 5) + ",1");
            List<String> stages = new ArrayList<>();

            IngestReport report = store.ingestEvents(file, (stage, done, total) -> {
                if (!stages.contains(stage)) {
                    stages.add(stage);
                }
            });

            assertThat(report.rows()).isEqualTo(2);
            assertThat(stages).containsExactly("checksum", "check csv", "read", "validate", "insert");
            assertThat(store.userEvents("u,2")).containsExactly(new UserEvent("i2", TS + 5, 1, file.toString()));
            assertThat(store.maxEventTs()).hasValue(TS + 5);
        }
    }

    @Test
    void itemsAreUpsertedByIdAndKeepExtraColumns() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            store.ingestItems(csv(dir.resolve("items1.csv"), "item_id,title,category,brand,price,img_url,color",
                    "a,Apple,fruit,farm,1.5,http://x/a.png,red",
                    "b,Banana,fruit,farm,0.5,http://x/b.png,yellow"));
            store.ingestItems(csv(dir.resolve("items2.csv"), "item_id,category,brand,price,img_url,size",
                    "b,fruit,other,0.75,http://x/b2.png,L",
                    "c,veg,farm,2,http://x/c2.png,M"));

            Map<String, CatalogItem> items = store.items(List.of("c", "zz", "b", "a"));

            assertThat(items.keySet()).containsExactly("c", "b", "a");
            assertThat(items.get("a")).isEqualTo(new CatalogItem("a", "Apple", "fruit", "farm", 1.5,
                    "http://x/a.png", Map.of("color", "red")));
            assertThat(items.get("b")).isEqualTo(new CatalogItem("b", null, "fruit", "other", 0.75,
                    "http://x/b2.png", Map.of("size", "L")));
            assertThat(items.get("c").imageUrl()).isEqualTo("http://x/c2.png");
            assertThat(items.get("c").extra()).containsEntry("size", "M");
        }
    }

    @Test
    void aReExportOfStoredEventsAddsOnlyTheNewRows() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            store.ingestEvents(events("first.parquet", 10));
            Path reExport = parquet(dir.resolve("re-export.parquet"), "SELECT * FROM (SELECT 'u' || (i % 3) AS user_id, "
                    + "'i' || (i % 4) AS item_id, " + TS + " + i AS ts, 1 + i % 2 AS qty FROM range(12) r(i)) ORDER BY ts DESC");

            IngestReport again = store.ingestEvents(reExport);

            assertThat(again.rows()).isEqualTo(2);
            assertThat(again.duplicateRows()).isEqualTo(10);
            assertThat(again.describe()).contains("10 rows already stored skipped");
            assertThat(store.eventCount()).isEqualTo(12);
        }
    }

    @Test
    void theEventKeyIsConfigurable() {
        Path first = csv(dir.resolve("a.csv"), "user_id,item_id,ts,qty", "u1,i1," + TS + ",1");
        Path otherQty = csv(dir.resolve("b.csv"), "user_id,item_id,ts,qty", "u1,i1," + TS + ",2", "u1,i1," + TS + ",2");
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"), Clock.systemUTC(),
                List.of("user_id", "item_id", "ts", "qty"))) {
            store.ingestEvents(first);
            IngestReport report = store.ingestEvents(otherQty);
            assertThat(report.rows()).as("another quantity is another event; the repeat in the file is not").isEqualTo(1);
            assertThat(store.eventCount()).isEqualTo(2);
        }
        assertThatThrownBy(() -> RecsysStore.open(dir.resolve("x.db"), Clock.systemUTC(), List.of("session")))
                .hasMessageContaining("event key");
    }

    @Test
    void aRepeatedItemIdInOneFileIsRejectedNamingBothRows() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            Path file = csv(dir.resolve("items.csv"), "item_id,category,brand,price,img_url",
                    "a,c,b,1,u", "b,c,b,1,u", "c,c,b,1,u", "b,c,b,2,u");
            assertThatThrownBy(() -> store.ingestItems(file))
                    .hasMessage(file + ": rows 2 and 4, column item_id: item id 'b' appears twice; give each item one "
                            + "row; nothing from this file was ingested");
            assertThat(store.items(List.of("a", "b"))).isEmpty();
        }
    }

    @Test
    void aLargeCsvReportsProgressWithinItsCheck() throws Exception {
        StringBuilder rows = new StringBuilder("user_id,item_id,ts,qty\n");
        for (int i = 0; i < 150_000; i++) {
            rows.append("user_").append(i % 997).append(",item_").append(i % 301).append(',').append(TS + i % 1000).append(",1\n");
        }
        Path file = dir.resolve("large.csv");
        Files.writeString(file, rows);
        List<Long> checkDone = new ArrayList<>();
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            store.ingestEvents(file, (stage, done, total) -> {
                if (stage.equals("check csv")) {
                    checkDone.add(done);
                }
            });
        }
        long size = Files.size(file);
        assertThat(checkDone).anyMatch(d -> d > 0 && d < size).last().isEqualTo(size);
    }

    @Test
    void missingPriceIsNaN() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            store.ingestItems(csv(dir.resolve("items.csv"), "item_id,category,brand,price,img_url", "a,c,b,,"));

            assertThat(store.items(List.of("a")).get("a").price()).isNaN();
        }
    }

    @Test
    void schemaIsCreatedOnceAndDataSurvivesReopen() throws Exception {
        Path db = dir.resolve("nested/dir/recsys.db");
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestEvents(events("events.parquet", 7));
        }
        try (RecsysStore store = RecsysStore.open(db)) {
            assertThat(store.eventCount()).isEqualTo(7);
            assertThat(count(store, "SELECT count(*) FROM schema_version")).isEqualTo(1);
        }
    }

    @Test
    void failedTransactionsRollBack() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            store.ingestEvents(events("events.parquet", 5));

            assertThatThrownBy(() -> store.inTransaction(c -> {
                c.createStatement().execute("DELETE FROM events");
                throw new SQLException("boom");
            })).isInstanceOf(RecsysException.class).hasMessageContaining("boom");

            assertThat(store.eventCount()).isEqualTo(5);
        }
    }

    @Test
    void refusesADatabaseFromANewerSchema() {
        Path db = dir.resolve("recsys.db");
        try (RecsysStore store = RecsysStore.open(db)) {
            store.inTransaction(c -> c.createStatement().execute("UPDATE schema_version SET version = 99"));
        }
        assertThatThrownBy(() -> RecsysStore.open(db))
                .isInstanceOf(RecsysException.class).hasMessageContaining("schema version 99");
    }

    @Test
    void deletingAUserRemovesTheirEventsAndIsRecorded() throws Exception {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            store.ingestEvents(events("events.parquet", 12));
            String before = store.dataFingerprint();

            long removed = store.deleteUserEvents("u1");

            assertThat(removed).isEqualTo(4);
            assertThat(store.eventCount()).isEqualTo(8);
            assertThat(store.userEvents("u1")).isEmpty();
            assertThat(store.deleteUserEvents("u1")).isZero();
            assertThat(store.dataFingerprint()).isNotEqualTo(before);
            assertThat(count(store, "SELECT count(*) FROM deleted_users WHERE user_id = 'u1'")).isEqualTo(2);
        }
    }

    @Test
    void reIngestingADeletedUsersOldEventsDoesNotBringThemBackButNewActivityIsKept() {
        Instant deletedAt = Instant.ofEpochSecond(TS + 1000);
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"), Clock.fixed(deletedAt, ZoneOffset.UTC))) {
            store.ingestEvents(events("events.parquet", 12));
            store.deleteUserEvents("u1");
            // a re-export of the same history (other bytes, so not a duplicate file) plus one later event
            Path reExport = csv(dir.resolve("re-export.csv"), "user_id,item_id,ts,qty",
                    "u1,i1," + (TS + 1) + ",1", "u1,i2," + (TS + 1000) + ",1", "u0,i3," + (TS + 1) + ",1",
                    "u1,i3," + (TS + 2000) + ",2");

            IngestReport report = store.ingestEvents(reExport);

            assertThat(report.rows()).isEqualTo(2);
            assertThat(report.deletedUserRows()).isEqualTo(2);
            assertThat(report.describe()).contains("2 rows ingested").contains("(2 rows of deleted users skipped)");
            assertThat(store.userEvents("u1")).containsExactly(new UserEvent("i3", TS + 2000, 2, reExport.toString()));
            assertThat(store.eventCount()).isEqualTo(8 + 2);
            assertThat(store.auditEntries(reExport.toString()).get(0).details()).contains("skipped_deleted_user_rows=2");
        }
    }

    @Test
    void userDataAccessIsAudited() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            Path file = events("events.parquet", 6);
            store.ingestEvents(file);
            store.ingestEvents(file);
            store.userEvents("u0");
            store.deleteUserEvents("u0");
            store.audit("api", "export_user", "u0", "json");
            store.loadTrainingData(io.recsyslite.core.data.ConfidenceWeighting.binary(),
                    io.recsyslite.core.spi.ProgressListener.NONE);

            assertThat(store.auditEntries(file.toString()))
                    .extracting(AuditEntry::actor, AuditEntry::action)
                    .containsExactly(tuple("store", "ingest_events"), tuple("store", "ingest_events"));
            assertThat(store.auditEntries(file.toString()).get(1).details()).contains("already ingested");
            assertThat(store.auditEntries("u0"))
                    .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::details)
                    .containsExactly(tuple("store", "read_user_events", "events=2"),
                            tuple("store", "delete_user_events", "events=2"),
                            tuple("api", "export_user", "json"));
            assertThat(store.auditEntries("*")).extracting(AuditEntry::action).containsExactly("load_training_data");
            assertThat(store.auditEntries("u0").get(0).at()).isNotNull();
        }
    }

    @Test
    void theStoreClockDecidesWhatIsInTheFutureAndStampsTheAuditLog() {
        Instant now = Instant.ofEpochSecond(TS);
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"), Clock.fixed(now, ZoneOffset.UTC))) {
            Path tomorrow = csv(dir.resolve("ok.csv"), "user_id,item_id,ts,qty", "u1,i1," + (TS + 86_000) + ",1");
            Path later = csv(dir.resolve("later.csv"), "user_id,item_id,ts,qty", "u1,i1," + (TS + 90_000) + ",1");

            store.ingestEvents(tomorrow);

            assertThatThrownBy(() -> store.ingestEvents(later))
                    .hasMessageContaining("row 1, column ts: timestamp " + (TS + 90_000) + " is more than 1 day");
            assertThat(store.auditEntries(tomorrow.toString())).extracting(AuditEntry::at).containsExactly(now);
        }
    }

    @Test
    void emptyStoreHasNoEvents() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            assertThat(store.eventCount()).isZero();
            assertThat(store.maxEventTs()).isEmpty();
            assertThat(store.items(List.of("a"))).isEmpty();
            assertThat(store.items(List.of())).isEmpty();
        }
    }

    private static long count(RecsysStore store, String sql) {
        return store.inTransaction(c -> Sql.queryLong(c, sql));
    }

    private static void copyFile(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.recsyslite.internal.store;

import static io.recsyslite.internal.store.TestFiles.TS;
import static io.recsyslite.internal.store.TestFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.spi.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventTypesAndSessionsTest {
    @TempDir
    Path dir;

    @Test
    void eventTypesWeighTheConfidencesAndUntypedEventsWeighOne() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            store.ingestEvents(csv(dir.resolve("typed.csv"), "user_id,item_id,ts,qty,event_type",
                    "u1,i1," + TS + ",1,View", "u1,i1," + (TS + 1) + ",2,purchase", "u1,i2," + TS + ",1,wishlist"));
            store.ingestEvents(csv(dir.resolve("plain.csv"), "user_id,item_id,ts,qty", "u1,i3," + TS + ",3"));
            TrainingData data = store.loadTrainingData(ConfidenceWeighting.byQuantity()
                    .withEventTypeWeights(Map.of("view", 0.5, "purchase", 2.0)), ProgressListener.NONE);
            var m = data.interactions().userItems();

            assertThat(m.get(0, data.items().indexOf("i1"))).isEqualTo(0.5f + 2 * 2f);
            assertThat(m.get(0, data.items().indexOf("i2"))).isEqualTo(1f);
            assertThat(m.get(0, data.items().indexOf("i3"))).isEqualTo(3f);
            assertThat(store.userEvents("u1")).extracting(UserEvent::eventType).containsOnly("view", "purchase", "wishlist", null);
        }
    }

    @Test
    void aLoginLinksTheSessionsEarlierAndLaterEventsToTheUser() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            store.ingestEvents(csv(dir.resolve("visit.csv"), "user_id,session_id,item_id,ts,qty",
                    ",s1,i1," + TS + ",1", ",s2,i2," + TS + ",1"));
            assertThat(store.loadTrainingData(ConfidenceWeighting.byQuantity(), ProgressListener.NONE).numUsers())
                    .isZero();
            store.ingestEvents(csv(dir.resolve("login.csv"), "user_id,session_id,item_id,ts,qty",
                    "u1,s1,i3," + (TS + 5) + ",1", ",s1,i4," + (TS + 6) + ",1"));

            assertThat(store.userEvents("u1")).extracting(UserEvent::itemId).containsExactly("i1", "i3", "i4");
            assertThat(store.deleteUserEvents("u1")).isEqualTo(3);
            assertThat(store.eventCount()).isEqualTo(1); // s2 is someone else
        }
    }

    @Test
    void aVersion1StoreIsUpgradedInPlaceKeepingItsEvents() throws Exception {
        Path db = dir.resolve("old.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db);
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_version(version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1)");
            st.execute("CREATE TABLE events(seq BIGINT NOT NULL, user_id VARCHAR NOT NULL, item_id VARCHAR NOT NULL,"
                    + " ts BIGINT NOT NULL, qty INTEGER NOT NULL, ingest_id BIGINT NOT NULL)");
            st.execute("INSERT INTO events VALUES (1, 'u1', 'i1', " + TS + ", 2, 0)");
        }
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestEvents(csv(dir.resolve("visit.csv"), "user_id,session_id,item_id,ts,qty,event_type",
                    ",s1,i2," + TS + ",1,view"));
            assertThat(store.eventCount()).isEqualTo(2);
            assertThat(store.userEvents("u1")).containsExactly(new UserEvent("i1", TS, 2, null));
        }
    }

    @Test
    void eventsNeedAUserOrASessionAndSaneIdsAndTypes() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"))) {
            assertThatThrownBy(() -> store.ingestEvents(csv(dir.resolve("nobody.csv"), "user_id,session_id,item_id,ts,qty",
                    ",s1,i1," + TS + ",1", ",,i2," + TS + ",1")))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("row 2, column user_id: missing user id and session id");
            assertThatThrownBy(() -> store.ingestEvents(csv(dir.resolve("long.csv"), "user_id,item_id,ts,qty",
                    "u" + "x".repeat(10_000) + ",i1," + TS + ",1")))
                    .hasMessageContaining("row 1, column user_id: user id of 10001 characters (at most 512)");
            assertThatThrownBy(() -> store.ingestEvents(csv(dir.resolve("type.csv"), "user_id,item_id,ts,qty,event_type",
                    "u1,i1," + TS + ",1,add to cart")))
                    .hasMessageContaining("row 1, column event_type: event type 'add to cart' is not one word");
            assertThat(store.eventCount()).isZero();
        }
    }
}

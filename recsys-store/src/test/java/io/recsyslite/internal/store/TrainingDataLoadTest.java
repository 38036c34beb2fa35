package io.recsyslite.internal.store;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.recsyslite.internal.store.TestFiles.TS;
import static io.recsyslite.internal.store.TestFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingDataLoadTest {
    @TempDir
    Path dir;

    private RecsysStore storeWithData() {
        RecsysStore store = RecsysStore.open(dir.resolve("recsys.db"));
        store.ingestItems(csv(dir.resolve("items.csv"), "item_id,title,category,brand,price,img_url,color",
                "i2,Two,c2,b2,2.5,http://x/2.png,blue",
                "i9,Nine,c9,b9,9,http://x/9.png,",
                "i1,One,c1,b1,1,http://x/1.png,red"));
        // u2 has two events at the same time: the file's order must decide.
        store.ingestEvents(csv(dir.resolve("events1.csv"), "user_id,item_id,ts,qty",
                "u2,i3," + (TS + 100) + ",1",
                "u1,i1," + TS + ",2",
                "u2,i2," + (TS + 50) + ",1",
                "u2,i1," + (TS + 50) + ",1"));
        store.ingestEvents(csv(dir.resolve("events2.csv"), "user_id,item_id,ts,qty",
                "u1,i1," + (TS + 200) + ",3",
                "u2,i2," + (TS + 10) + ",4"));
        return store;
    }

    @Test
    void idsAreSortedAndCoverTheCatalogue() {
        try (RecsysStore store = storeWithData()) {
            TrainingData data = store.loadTrainingData(ConfidenceWeighting.byQuantity(), ProgressListener.NONE);

            assertThat(data.users().ids()).containsExactly("u1", "u2");
            assertThat(data.items().ids()).containsExactly("i1", "i2", "i3", "i9");
            assertThat(data.sequences().totalEvents()).isEqualTo(6);
        }
    }

    @Test
    void impressionsAreNeitherTrainingDataNorPopularity() {
        try (RecsysStore store = storeWithData()) {
            store.ingestEvents(csv(dir.resolve("feedback.csv"), "user_id,item_id,ts,qty,event_type,recommendation_id",
                    "u1,i9," + (TS + 300) + ",1,impression,r1",
                    "u3,i9," + (TS + 300) + ",1,impression,r2",
                    "u1,i2," + (TS + 301) + ",1,click,r1"));
            TrainingData data = store.loadTrainingData(ConfidenceWeighting.byQuantity(), ProgressListener.NONE);

            assertThat(data.users().ids()).containsExactly("u1", "u2"); // u3 was only shown something
            assertThat(data.sequences().totalEvents()).isEqualTo(7); // the six events and the click
            assertThat(data.sequences().items(data.users().indexOf("u1"))).doesNotContain(index(data, "i9"));
            assertThat(store.popularItems(10)).doesNotContain("i9");
            assertThat(store.userEvents("u1")).extracting(UserEvent::recommendationId).contains("r1");
        }
    }

    @Test
    void sequencesAreInTimeOrderWithTiesInInsertionOrder() {
        try (RecsysStore store = storeWithData()) {
            TrainingData data = store.loadTrainingData(ConfidenceWeighting.byQuantity(), ProgressListener.NONE);
            Sequences seq = data.sequences();
            int u2 = data.users().indexOf("u2");

            assertThat(seq.items(u2)).containsExactly(index(data, "i2"), index(data, "i2"), index(data, "i1"),
                    index(data, "i3"));
            assertThat(seq.timestamp(seq.start(u2))).isEqualTo(TS + 10);
            assertThat(seq.quantity(seq.start(u2))).isEqualTo(4f);
        }
    }

    @Test
    void confidencesFollowQuantityAndTimeDecay() {
        try (RecsysStore store = storeWithData()) {
            TrainingData byQty = store.loadTrainingData(ConfidenceWeighting.byQuantity(), ProgressListener.NONE);
            TrainingData decayed = store.loadTrainingData(
                    ConfidenceWeighting.byQuantity().withHalfLife(200, TS + 200), ProgressListener.NONE);
            int u1 = byQty.users().indexOf("u1");
            int u2 = byQty.users().indexOf("u2");

            assertThat(byQty.interactions().userItems().get(u1, index(byQty, "i1"))).isEqualTo(5f);
            assertThat(byQty.interactions().userItems().get(u2, index(byQty, "i2"))).isEqualTo(5f);
            assertThat(byQty.interactions().nnz()).isEqualTo(4);
            // u1/i1: 2 at age 200 (half) + 3 at age 0.
            assertThat(decayed.interactions().userItems().get(u1, index(decayed, "i1")))
                    .isCloseTo(1f + 3f, within(1e-5f));
        }
    }

    @Test
    void metadataIsAlignedWithItemIds() {
        try (RecsysStore store = storeWithData()) {
            TrainingData data = store.loadTrainingData(ConfidenceWeighting.binary(), ProgressListener.NONE);
            int i2 = index(data, "i2");
            int i3 = index(data, "i3");
            int i9 = index(data, "i9");

            assertThat(data.metadata().title(i2)).isEqualTo("Two");
            assertThat(data.metadata().category(i9)).isEqualTo("c9");
            assertThat(data.metadata().price(i2)).isEqualTo(2.5f);
            assertThat(data.metadata().imageUrl(index(data, "i1"))).isEqualTo("http://x/1.png");
            assertThat(data.metadata().extraColumns()).containsExactly("color");
            assertThat(data.metadata().extra("color", i2)).isEqualTo("blue");
            assertThat(data.metadata().extra("color", i9)).isNull();
            assertThat(data.metadata().title(i3)).isNull();
            assertThat(data.metadata().price(i3)).isNaN();
            assertThat(data.interactions().userItems().get(data.users().indexOf("u2"), i2)).isEqualTo(1f);
        }
    }

    @Test
    void emptyStoreLoadsEmptyData() {
        try (RecsysStore store = RecsysStore.open(dir.resolve("empty.db"))) {
            TrainingData data = store.loadTrainingData(ConfidenceWeighting.binary(), ProgressListener.NONE);

            assertThat(data.numUsers()).isZero();
            assertThat(data.numItems()).isZero();
        }
    }

    private static int index(TrainingData data, String itemId) {
        return data.items().indexOf(itemId);
    }
}

package io.recsyslite.core.internal.data;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.Interactions;
import io.recsyslite.core.data.Sequences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InteractionsBuilderTest {
    private static EventColumns events() {
        EventColumns e = new EventColumns(2);
        e.add(1, 2, 300, 1);
        e.add(0, 1, 200, 2);
        e.add(0, 0, 100, 1);
        e.add(0, 1, 100, 3); // same time as the event before: input order breaks the tie
        e.add(1, 0, 50, 1);
        return e;
    }

    @Test
    void sumsQuantitiesPerPairIntoSortedRows() {
        Interactions m = new InteractionsBuilder(ConfidenceWeighting.byQuantity()).build(events(), 3, 3).interactions();

        assertThat(m.nnz()).isEqualTo(4);
        assertThat(m.userItems().rowIndices(0)).containsExactly(0, 1);
        assertThat(m.userItems().get(0, 1)).isEqualTo(5f);
        assertThat(m.userItems().get(0, 0)).isEqualTo(1f);
        assertThat(m.userItems().rowIndices(1)).containsExactly(0, 2);
        assertThat(m.userItems().rowLength(2)).isZero();
    }

    @Test
    void transposeHoldsTheSameEntries() {
        Interactions m = new InteractionsBuilder(ConfidenceWeighting.byQuantity()).build(events(), 3, 3).interactions();

        CsrMatrix t = m.itemUsers();
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.rowIndices(0)).containsExactly(0, 1);
        assertThat(t.get(1, 0)).isEqualTo(5f);
        assertThat(t.rowIndices(2)).containsExactly(1);
        assertThat(m.itemPopularity()).containsExactly(2, 1, 1);
    }

    @Test
    void weightingModes() {
        EventColumns e = events();
        assertThat(build(e, ConfidenceWeighting.binary()).get(0, 1)).isEqualTo(1f);
        assertThat(build(e, new ConfidenceWeighting(ConfidenceWeighting.Quantity.COUNT, 0, 0)).get(0, 1)).isEqualTo(2f);
        assertThat(build(e, new ConfidenceWeighting(ConfidenceWeighting.Quantity.LOG_QTY, 0, 0)).get(0, 1))
                .isCloseTo((float) (Math.log1p(2) + Math.log1p(3)), within(1e-6f));
    }

    @Test
    void timeDecayHalvesPerHalfLife() {
        // reference 300: the (0,1) events are 100 and 200 seconds old, half life 100 s
        CsrMatrix m = build(events(), ConfidenceWeighting.byQuantity().withHalfLife(100, 300));
        assertThat(m.get(0, 1)).isCloseTo(2 * 0.5f + 3 * 0.25f, within(1e-6f));
        assertThat(m.get(1, 2)).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void sequencesAreTimeOrderedWithInputOrderOnTies() {
        Sequences s = new InteractionsBuilder(ConfidenceWeighting.binary()).build(events(), 3, 3).sequences();

        assertThat(s.items(0)).containsExactly(0, 1, 1);
        assertThat(s.timestamps(0)).containsExactly(100, 100, 200);
        assertThat(s.quantity(s.start(0) + 1)).isEqualTo(3f);
        assertThat(s.items(1)).containsExactly(0, 2);
        assertThat(s.length(2)).isZero();
    }

    @Test
    void rejectsEventsOutsideTheIndexes() {
        EventColumns e = new EventColumns();
        e.add(0, 5, 1, 1);
        assertThatThrownBy(() -> new InteractionsBuilder(ConfidenceWeighting.binary()).build(e, 1, 3))
                .hasMessageContaining("item 5");
    }

    @Test
    void buildsTenThousandUsersWithoutTrouble() {
        EventColumns e = new EventColumns();
        for (int i = 0; i < 200_000; i++) {
            e.add(i % 10_000, (i * 31) % 5_000, 1_600_000_000L + i, 1);
        }
        Interactions m = new InteractionsBuilder(ConfidenceWeighting.binary()).build(e, 10_000, 5_000).interactions();
        assertThat(m.numUsers()).isEqualTo(10_000);
        assertThat(m.itemUsers().nnz()).isEqualTo(m.nnz());
    }

    private static CsrMatrix build(EventColumns e, ConfidenceWeighting w) {
        return new InteractionsBuilder(w).build(e, 3, 3).interactions().userItems();
    }
}

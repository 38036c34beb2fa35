package io.recsyslite.models.gru4rec;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.data.Sequences;
import org.junit.jupiter.api.Test;

class SessionParallelBatchesTest {
    private static final long HOUR = 3600;
    // one user, sessions (an hour apart): [1,2,3] [4] [5,6] [7,8,9]
    private static final Sessions SESSIONS = Sessions.split(new Sequences(new int[] {0, 9},
            new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9},
            new long[] {0, 60, 120, HOUR, 2 * HOUR, 2 * HOUR + 60, 3 * HOUR, 3 * HOUR + 60, 3 * HOUR + 120},
            new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}), 30 * 60);

    @Test
    void singleItemSessionsGiveNoTargets() {
        assertThat(SessionParallelBatches.trainable(SESSIONS)).containsExactly(0, 2, 3);
    }

    @Test
    void aFinishedSessionIsReplacedByTheNextAndItsRowReset() {
        SessionParallelBatches batches = new SessionParallelBatches(SESSIONS, new int[] {0, 2, 3}, 2);

        assertThat(batches.next()).isTrue();
        assertThat(batches.inputs()).containsExactly(1, 5);
        assertThat(batches.targets()).containsExactly(2, 6);
        assertThat(batches.resets()).containsExactly(true, true);

        assertThat(batches.next()).isTrue(); // row 1's session [5,6] is done: [7,8,9] takes the row
        assertThat(batches.inputs()).containsExactly(2, 7);
        assertThat(batches.targets()).containsExactly(3, 8);
        assertThat(batches.resets()).containsExactly(false, true);

        assertThat(batches.next()).isFalse(); // row 0 is done and no session is left: the epoch ends
    }

    @Test
    void sessionsContinueAcrossStepsWithoutReset() {
        SessionParallelBatches batches = new SessionParallelBatches(SESSIONS, new int[] {3}, 1);
        assertThat(batches.next()).isTrue();
        assertThat(batches.resets()).containsExactly(true);
        assertThat(batches.next()).isTrue();
        assertThat(batches.inputs()).containsExactly(8);
        assertThat(batches.targets()).containsExactly(9);
        assertThat(batches.resets()).containsExactly(false);
        assertThat(batches.next()).isFalse();
    }
}

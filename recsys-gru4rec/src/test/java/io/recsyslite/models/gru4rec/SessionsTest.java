package io.recsyslite.models.gru4rec;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.data.Sequences;
import org.junit.jupiter.api.Test;

class SessionsTest {
    // user 0: items 1,2 | pause 31 min | 3,4,5 ; user 1: 6 | 30 min exactly (same session) 7 ; user 2: none
    private static final Sequences SEQUENCES = new Sequences(new int[] {0, 5, 7, 7},
            new int[] {1, 2, 3, 4, 5, 6, 7},
            new long[] {0, 60, 60 + 31 * 60, 60 + 32 * 60, 60 + 33 * 60, 1000, 1000 + 30 * 60},
            new float[] {1, 1, 1, 1, 1, 1, 1});

    @Test
    void aPauseLongerThanTheGapStartsANewSession() {
        Sessions sessions = Sessions.split(SEQUENCES, 30 * 60);
        assertThat(sessions.count()).isEqualTo(3);
        assertThat(sessions.items(0)).containsExactly(1, 2);
        assertThat(sessions.items(1)).containsExactly(3, 4, 5);
        assertThat(sessions.items(2)).containsExactly(6, 7);
    }

    @Test
    void latestSessionIsTheTailAfterTheLastPauseCappedInLength() {
        int[][] latest = Sessions.latest(SEQUENCES, 30 * 60, 2);
        assertThat(latest[0]).containsExactly(0, 2, 4, 4);
        assertThat(latest[1]).containsExactly(4, 5, 6, 7);
        int[][] uncapped = Sessions.latest(SEQUENCES, 30 * 60, 10);
        assertThat(uncapped[1]).containsExactly(3, 4, 5, 6, 7);
    }
}

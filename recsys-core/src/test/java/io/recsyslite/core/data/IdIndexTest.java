package io.recsyslite.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdIndexTest {
    @Test
    void mapsBothWays() {
        IdIndex ids = IdIndex.of(List.of("b", "a", "c"));
        assertThat(ids.size()).isEqualTo(3);
        assertThat(ids.indexOf("a")).isEqualTo(1);
        assertThat(ids.idOf(2)).isEqualTo("c");
        assertThat(ids.indexOf("zzz")).isEqualTo(-1);
        assertThat(ids.ids()).containsExactly("b", "a", "c");
    }

    @Test
    void rejectsDuplicates() {
        assertThatThrownBy(() -> IdIndex.of("x", "y", "x")).hasMessageContaining("duplicate id 'x'");
    }
}

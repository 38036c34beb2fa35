package io.recsyslite.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.error.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemFilterTest {
    private final IdIndex items = IdIndex.of("a", "b", "c", "d");

    @Test
    void allowAndDenyByExternalIds() {
        ItemFilter allow = ItemFilter.allowIds(items, List.of("a", "c", "unknown"));
        ItemFilter deny = ItemFilter.denyIds(items, List.of("c"));
        ItemFilter both = allow.and(deny);
        assertThat(both.accept(0)).isTrue();
        assertThat(both.accept(1)).isFalse();
        assertThat(both.accept(2)).isFalse();
        assertThat(deny.negate().accept(2)).isTrue();
    }

    @Test
    void requestRejectsNonPositiveK() {
        assertThatThrownBy(() -> RecommendRequest.top(0)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("k must be at least 1");
        assertThat(RecommendRequest.top(3).excludeSeen()).isTrue();
        assertThat(RecommendRequest.top(3).includingSeen().excludeSeen()).isFalse();
    }
}

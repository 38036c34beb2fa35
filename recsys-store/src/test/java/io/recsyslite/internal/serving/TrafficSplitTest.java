package io.recsyslite.internal.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.error.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficSplitTest {
    private final TrafficSplit split = new TrafficSplit(List.of(new TrafficSplit.Variant("a", 70),
            new TrafficSplit.Variant("b", 30)));

    @Test
    void idsAreAssignedInProportionToTheWeightsAndAlwaysTheSameWay() {
        int a = 0;
        for (int i = 0; i < 20_000; i++) {
            String id = "user_" + i;
            String variant = split.variantOf(id);
            assertThat(new TrafficSplit(split.variants()).variantOf(id)).isEqualTo(variant);
            a += variant.equals("a") ? 1 : 0;
        }
        assertThat(a / 20_000.0).isCloseTo(0.7, within(0.02));
        assertThat(split.share("b")).isCloseTo(0.3, within(1e-12));
        // the hash is fixed, so assignments survive restarts and other JVMs
        assertThat(TrafficSplit.hash("user_1")).isEqualTo(TrafficSplit.hash(new String("user_1".toCharArray())));
        assertThat(TrafficSplit.single().variantOf("anyone")).isEqualTo(TrafficSplit.DEFAULT);
    }

    @Test
    void badSplitsAreRefused() {
        assertThatThrownBy(() -> new TrafficSplit(List.of())).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new TrafficSplit.Variant("a b", 1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new TrafficSplit.Variant("a", 0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new TrafficSplit(List.of(new TrafficSplit.Variant("a", 1),
                new TrafficSplit.Variant("a", 2)))).isInstanceOf(InvalidParameterException.class);
    }
}

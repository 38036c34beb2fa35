package io.recsyslite.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.error.UnknownNameException;
import io.recsyslite.core.testing.ConstantScoresProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamSpaceTest {
    private final ParamSpace space = new ConstantScoresProvider().paramSpace();

    @Test
    void defaultsAndOverridesFromStringsOrNumbers() {
        Params p = space.resolve(Map.of("weight", "1.5", "size", 16));
        assertThat(p.getDouble("weight")).isEqualTo(1.5);
        assertThat(p.getInt("size")).isEqualTo(16);
        assertThat(p.getString("mode")).isEqualTo("a");
        assertThat(space.defaults().getDouble("weight")).isEqualTo(1.0);
    }

    @Test
    void badValuesNameTheParameter() {
        assertThatThrownBy(() -> space.resolve(Map.of("size", "many")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'size' must be an integer");
        assertThatThrownBy(() -> space.resolve(Map.of("size", 2.5)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'size'");
        assertThatThrownBy(() -> space.resolve(Map.of("mode", "c")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("one of [a, b]");
        assertThatThrownBy(() -> space.resolve(Map.of("colour", "red")))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining("weight, size, mode");
        assertThatThrownBy(() -> space.defaults().getInt("size", 100))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining(">= 100");
    }
}

package io.recsyslite.models.ease;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs in the build's native-libraries-hidden execution, where the native OpenBLAS jar is left out. */
@EnabledIfSystemProperty(named = "recsyslite.test.nativeHidden", matches = "true")
class EaseWithoutNativeLapackTest {
    @Test
    void easeFallsBackToOjAlgoWhenNativeLapackIsMissing() {
        assertThat(SpdInverseChoice.BEST).isInstanceOf(OjAlgoInverse.class);
    }
}

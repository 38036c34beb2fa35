package io.recsyslite.models.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs in the build's native-libraries-hidden execution, where the JVM starts without the Vector API. */
@EnabledIfSystemProperty(named = "recsyslite.test.nativeHidden", matches = "true")
class KernelsWithoutNativeVectorApiTest {
    @Test
    void trainingKernelsFallBackToPlainJava() {
        assertThat(KernelChoice.BEST).isInstanceOf(JavaFloatKernels.class);
    }
}

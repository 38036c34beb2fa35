package io.recsyslite.models.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the {@link FloatKernels} once per JVM (see {@link FloatKernels#best()}): the Vector API
 * ones when the JVM runs with {@code --add-modules jdk.incubator.vector}, else the plain-Java ones
 * with one WARN. {@code -Drecsyslite.kernels=java} forces the plain-Java kernels.
 */
final class KernelChoice {
    static final String PROPERTY = "recsyslite.kernels";
    private static final String MODULE = "jdk.incubator.vector";
    static final FloatKernels BEST = choose(System.getProperty(PROPERTY));

    private KernelChoice() {
    }

    static FloatKernels choose(String property) {
        Logger log = LoggerFactory.getLogger(FloatKernels.class);
        if ("java".equals(property)) {
            log.info("float kernels: plain Java (-D{}=java)", PROPERTY);
            return new JavaFloatKernels();
        }
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            log.warn("float kernels: plain Java; ALS trains and embedding models score several times faster on "
                    + "the JDK Vector API: "
                    + "start the JVM with --add-modules {}", MODULE);
            return new JavaFloatKernels();
        }
        log.debug("float kernels: JDK Vector API");
        return new VectorApiKernels();
    }
}

package io.recsyslite.models.ease;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the {@link SpdInverse} once per JVM: native LAPACK (OpenBLAS through JavaCPP) when its
 * library loads on this platform, else ojAlgo with one WARN. {@code -Drecsyslite.blas=java}
 * forces ojAlgo.
 */
final class SpdInverseChoice {
    static final String PROPERTY = "recsyslite.blas";
    // Before BEST: static fields initialise in order, and choosing may log.
    private static final Logger LOG = LoggerFactory.getLogger(SpdInverse.class);
    static final SpdInverse BEST = choose(System.getProperty(PROPERTY));

    private SpdInverseChoice() {
    }

    static SpdInverse choose(String property) {
        if ("java".equals(property)) {
            LOG.info("EASE inverse: ojAlgo, plain Java (-D{}=java)", PROPERTY);
            return new OjAlgoInverse();
        }
        try {
            return new LapackInverse();
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("EASE inverse: ojAlgo, plain Java, many times slower than native LAPACK, which did not load "
                    + "({}); add org.bytedeco:openblas with this platform's classifier for the native one", e.toString());
            return new OjAlgoInverse();
        }
    }
}

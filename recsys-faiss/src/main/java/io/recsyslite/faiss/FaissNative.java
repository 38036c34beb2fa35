package io.recsyslite.faiss;

import io.recsyslite.core.error.RecsysException;
import io.recsyslite.faiss.internal.FaissLibrary;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the JNI library built from {@link FaissLibrary} on first use. Providers call
 * {@link #require()} before touching any native class, so discovering them with ServiceLoader
 * never loads native code and never fails. Stateless: JavaCPP's {@link Loader} remembers what it
 * has loaded.
 */
final class FaissNative {
    static final String INSTALL_HINT =
            "Install the system libraries (Debian/Ubuntu: apt-get install libfaiss-dev libopenblas-dev, "
                    + "or run scripts/setup-system.sh) and rebuild recsys-faiss with mvn install. "
                    + "The \"exact\" index works without them.";

    private FaissNative() {}

    /** Loads the native library or fails with a {@link RecsysException} saying what to install. */
    static void require() {
        try {
            Loader.load(FaissLibrary.class);
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError (no library for this platform, missing libopenblas/libgomp) or a
            // NoClassDefFoundError from an earlier failed attempt.
            throw new RecsysException("Faiss indexes are not available on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ": the native Faiss library could not be loaded (" + e
                    + "). " + INSTALL_HINT, e);
        }
    }
}

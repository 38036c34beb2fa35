package io.recsyslite.models.common;

/**
 * Keeps ojAlgo off the host application's stdout: without a hardware profile for this machine it
 * prints a banner there when its classes initialise, unless the system property
 * {@code shut.up.ojAlgo} is set. Call before the first ojAlgo use; an explicit value is kept.
 */
public final class QuietOjAlgo {
    private static final String PROPERTY = "shut.up.ojAlgo";

    private QuietOjAlgo() {
    }

    public static void ensure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}

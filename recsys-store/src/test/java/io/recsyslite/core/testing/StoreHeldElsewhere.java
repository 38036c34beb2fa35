package io.recsyslite.core.testing;

import io.recsyslite.internal.store.RecsysStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM holding a store open, as a CLI job or worker would: DuckDB's file lock is per
 * process, so only another process shows the lock conflict. {@link #close()} lets it go.
 */
public final class StoreHeldElsewhere implements AutoCloseable {
    private final Process process;

    private StoreHeldElsewhere(Process process) {
        this.process = process;
    }

    /** Starts the process and returns once it holds the store. */
    public static StoreHeldElsewhere hold(Path db) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreHeldElsewhere.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"holding".equals(line)) {
            p.destroyForcibly();
            throw new IOException("the holder process did not open " + db + ": " + line);
        }
        return new StoreHeldElsewhere(p);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Opens the store, says so on stdout and holds it until stdin ends. */
    public static void main(String[] args) throws IOException {
        try (RecsysStore store = RecsysStore.open(Path.of(args[0]))) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our stdin
            }
        }
    }
}

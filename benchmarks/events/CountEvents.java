import io.recsyslite.internal.store.RecsysStore;
import java.nio.file.Path;

/** Prints the number of events in a store (java -cp CLASSPATH CountEvents.java DB). */
public final class CountEvents {
    public static void main(String[] args) {
        try (RecsysStore store = RecsysStore.open(Path.of(args[0]))) {
            System.out.println(store.eventCount());
        }
    }
}

package io.recsyslite.core.spi;

import io.recsyslite.core.error.UnknownNameException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The algorithms on the class path, found with {@link ServiceLoader}. Immutable. */
public final class Algorithms {
    private final Map<String, RecommenderProvider> byName;

    private Algorithms(Map<String, RecommenderProvider> byName) {
        this.byName = byName;
    }

    /** Discovers providers with the given class loader (the context loader when null). */
    public static Algorithms discover(ClassLoader loader) {
        Map<String, RecommenderProvider> found = new TreeMap<>();
        for (RecommenderProvider p : ServiceLoader.load(RecommenderProvider.class,
                loader != null ? loader : Thread.currentThread().getContextClassLoader())) {
            RecommenderProvider previous = found.putIfAbsent(p.name(), p);
            if (previous != null && previous.getClass() != p.getClass()) {
                throw new IllegalStateException("two algorithms named '" + p.name() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new Algorithms(found);
    }

    public static Algorithms discover() {
        return discover(null);
    }

    /** The provider called {@code name}; an unknown name fails with the list of known ones. */
    public RecommenderProvider get(String name) {
        RecommenderProvider p = byName.get(name);
        if (p == null) {
            throw new UnknownNameException("algorithm", name, names());
        }
        return p;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}

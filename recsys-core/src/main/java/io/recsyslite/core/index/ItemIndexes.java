package io.recsyslite.core.index;

import io.recsyslite.core.error.UnknownNameException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The item index providers on the class path, found with {@link ServiceLoader}. Immutable. */
public final class ItemIndexes {
    /** The name of the embedded default, {@link ExactItemIndex}. */
    public static final String EXACT = "exact";

    private final Map<String, ItemIndexProvider> byName;

    private ItemIndexes(Map<String, ItemIndexProvider> byName) {
        this.byName = byName;
    }

    public static ItemIndexes discover() {
        Map<String, ItemIndexProvider> found = new TreeMap<>();
        for (ItemIndexProvider p : ServiceLoader.load(ItemIndexProvider.class)) {
            found.putIfAbsent(p.name(), p);
        }
        return new ItemIndexes(found);
    }

    /** The provider called {@code name}; an unknown name fails with the list of known ones. */
    public ItemIndexProvider get(String name) {
        ItemIndexProvider p = byName.get(name);
        if (p == null) {
            throw new UnknownNameException("index type", name, names());
        }
        return p;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}

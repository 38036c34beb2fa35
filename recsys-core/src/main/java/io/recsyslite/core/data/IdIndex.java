package io.recsyslite.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps external string ids to dense ints {@code 0..size-1} and back. Immutable and thread-safe.
 * Algorithms work on the dense ints only; ids are translated at the edges.
 */
public final class IdIndex {
    private final String[] ids;
    private final Map<String, Integer> positions;

    private IdIndex(String[] ids) {
        this.ids = ids;
        this.positions = new HashMap<>(Math.max(16, ids.length * 4 / 3 + 1));
        for (int i = 0; i < ids.length; i++) {
            String id = Objects.requireNonNull(ids[i], "id at position " + i);
            if (positions.put(id, i) != null) {
                throw new IllegalArgumentException("duplicate id '" + id + "' at position " + i);
            }
        }
    }

    /** An index whose dense int for {@code ids.get(i)} is {@code i}. Ids must be distinct. */
    public static IdIndex of(List<String> ids) {
        return new IdIndex(ids.toArray(String[]::new));
    }

    public static IdIndex of(String... ids) {
        return new IdIndex(ids.clone());
    }

    public int size() {
        return ids.length;
    }

    /** The dense int of {@code id}, or -1 when the id is unknown. */
    public int indexOf(String id) {
        Integer i = positions.get(id);
        return i == null ? -1 : i;
    }

    public boolean contains(String id) {
        return positions.containsKey(id);
    }

    public String idOf(int index) {
        return ids[index];
    }

    /** The ids in dense-int order (an unmodifiable view). */
    public List<String> ids() {
        return Collections.unmodifiableList(Arrays.asList(ids));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdIndex other && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "IdIndex[" + ids.length + " ids]";
    }
}

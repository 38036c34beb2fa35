package io.recsyslite.core.rank;

import io.recsyslite.core.data.IdIndex;
import java.util.BitSet;
import java.util.Collection;
import java.util.function.IntPredicate;

/**
 * Decides which dense item ints may appear in a result. Filters are applied inside the top-k
 * selection, so a request for k items returns k items whenever k items pass. Filters are small
 * composable functions over dense ints (external ids are mapped once, when the filter is built).
 * Implementations must be thread-safe; all factories here return immutable filters.
 */
@FunctionalInterface
public interface ItemFilter {
    ItemFilter ALL = item -> true;

    boolean accept(int item);

    default ItemFilter and(ItemFilter other) {
        if (other == null || other == ALL) {
            return this;
        }
        if (this == ALL) {
            return other;
        }
        return item -> accept(item) && other.accept(item);
    }

    default ItemFilter negate() {
        return item -> !accept(item);
    }

    static ItemFilter of(IntPredicate predicate) {
        return predicate::test;
    }

    /** Accepts only the items set in {@code allowed}; the bit set is copied. */
    static ItemFilter allow(BitSet allowed) {
        BitSet copy = (BitSet) allowed.clone();
        return copy::get;
    }

    /** Rejects the items set in {@code denied}; the bit set is copied. */
    static ItemFilter deny(BitSet denied) {
        BitSet copy = (BitSet) denied.clone();
        return item -> !copy.get(item);
    }

    static ItemFilter deny(int... items) {
        BitSet set = new BitSet();
        for (int i : items) {
            set.set(i);
        }
        return item -> !set.get(item);
    }

    /** Accepts only the given external item ids; ids the index does not know are ignored. */
    static ItemFilter allowIds(IdIndex items, Collection<String> ids) {
        return allow(bits(items, ids));
    }

    /** Rejects the given external item ids; ids the index does not know are ignored. */
    static ItemFilter denyIds(IdIndex items, Collection<String> ids) {
        return deny(bits(items, ids));
    }

    private static BitSet bits(IdIndex items, Collection<String> ids) {
        BitSet set = new BitSet(items.size());
        for (String id : ids) {
            int i = items.indexOf(id);
            if (i >= 0) {
                set.set(i);
            }
        }
        return set;
    }
}

package io.recsyslite.internal.serving;

import io.recsyslite.core.error.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How an A/B test splits traffic between model variants: a user or session is assigned by a hash
 * of its id, so it keeps its variant across requests, restarts and servers (the hash is fixed:
 * 64-bit FNV-1a of the id's UTF-8 bytes with a murmur3 finaliser, modulo the total weight).
 * Immutable.
 *
 * @param variants the variants, in order (the first is the baseline of comparisons)
 */
public record TrafficSplit(List<Variant> variants) {
    /** The one variant of a RecSysEngine serving a single model. */
    public static final String DEFAULT = "default";

    /**
     * A model variant and its share of the traffic.
     *
     * @param name   a short name such as "a" (letters, digits, '_' or '-')
     * @param weight the relative share (e.g. 50 of 100), at least 1
     */
    public record Variant(String name, int weight) {
        public Variant {
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new InvalidParameterException("a variant name is 1 to 32 letters, digits, _ or -, was '"
                        + name + "'");
            }
            if (weight < 1) {
                throw new InvalidParameterException("variant " + name + " needs a weight of at least 1, was " + weight);
            }
        }
    }

    public TrafficSplit {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new InvalidParameterException("a traffic split needs at least one variant");
        }
        Set<String> names = new HashSet<>();
        for (Variant v : variants) {
            if (!names.add(v.name())) {
                throw new InvalidParameterException("variant " + v.name() + " is named twice");
            }
        }
    }

    /** One model for all traffic. */
    public static TrafficSplit single() {
        return new TrafficSplit(List.of(new Variant(DEFAULT, 1)));
    }

    /** The variant an id (a user's or a session's) is served by. */
    public String variantOf(String id) {
        if (variants.size() == 1) {
            return variants.get(0).name();
        }
        long bucket = Long.remainderUnsigned(hash(id), totalWeight());
        for (Variant v : variants) {
            bucket -= v.weight();
            if (bucket < 0) {
                return v.name();
            }
        }
        throw new AssertionError("bucket beyond the total weight");
    }

    /** A variant's share of the traffic, between 0 and 1. */
    public double share(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).mapToDouble(v -> (double) v.weight() / totalWeight())
                .findFirst().orElse(0);
    }

    public List<String> names() {
        return variants.stream().map(Variant::name).toList();
    }

    private long totalWeight() {
        return variants.stream().mapToLong(Variant::weight).sum();
    }

    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}

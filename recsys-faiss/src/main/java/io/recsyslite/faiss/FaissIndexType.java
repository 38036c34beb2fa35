package io.recsyslite.faiss;

/** The Faiss index kinds offered behind the {@code ItemIndex} SPI, with their provider names. */
public enum FaissIndexType {
    /** Exhaustive search in Faiss ({@code IndexFlat}); ids are insertion positions. */
    FLAT("faiss-flat"),
    /** Inverted file over k-means lists with full vectors ({@code IndexIVFFlat}); stores item ids. */
    IVF_FLAT("faiss-ivf-flat"),
    /** Hierarchical navigable small-world graph over full vectors ({@code IndexHNSWFlat}). */
    HNSW("faiss-hnsw");

    private final String providerName;

    FaissIndexType(String providerName) {
        this.providerName = providerName;
    }

    public String providerName() {
        return providerName;
    }

    /** The setting that trades recall for speed: {@code nprobe}, {@code efSearch}, or none for flat. */
    String effortSetting() {
        return switch (this) {
            case IVF_FLAT -> "nprobe";
            case HNSW -> "efSearch";
            case FLAT -> "none";
        };
    }

    /**
     * True when Faiss can delete vectors of this kind without renumbering the others. IndexFlat
     * compacts (shifting ids) and HNSW cannot delete at all, so those keep a deletion set instead.
     */
    boolean removesNatively() {
        return this == IVF_FLAT;
    }

    static FaissIndexType byProviderName(String name) {
        for (FaissIndexType t : values()) {
            if (t.providerName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a Faiss index type: " + name);
    }
}

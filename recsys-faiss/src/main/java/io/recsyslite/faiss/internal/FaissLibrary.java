package io.recsyslite.faiss.internal;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.ByRef;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.MemberGetter;
import org.bytedeco.javacpp.annotation.MemberSetter;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * Hand-written JavaCPP mapping of the few parts of the Faiss 1.7.3 C++ API we use, compiled by the
 * JavaCPP {@code Builder} (the javacpp Maven plugin's {@code build} goal, in the
 * {@code process-classes} phase) against Debian's static {@code libfaiss.a}
 * and linked with OpenBLAS and OpenMP (libgomp). The resulting JNI library is packed into the jar
 * and loaded by {@link Loader#load} the first time one of these classes is initialised.
 *
 * <p>Ownership: {@link Index} pointers come from {@link #index_factory} or {@link #read_index}; the
 * caller owns them and must free them exactly once with {@link #delete}. {@link Index} has no
 * JavaCPP deallocator, so closing or garbage-collecting the Java peer never frees the C++ object.
 * The small parameter and selector structs are allocated by JavaCPP and freed by
 * {@link Pointer#close()} (or, as a fallback, by JavaCPP's garbage-collection deallocator).
 *
 * <p>Thread-safety is that of Faiss: concurrent const calls ({@code search}) on one index are safe;
 * anything that mutates an index must not run concurrently with other calls on it.
 */
@Platform(
        compiler = "cpp17",
        include = {
            "omp.h",
            "faiss/Index.h",
            "faiss/IndexFlat.h",
            "faiss/IndexIVF.h",
            "faiss/IndexIVFFlat.h",
            "faiss/IndexHNSW.h",
            "faiss/impl/HNSW.h",
            "faiss/impl/IDSelector.h",
            "faiss/index_factory.h",
            "faiss/index_io.h"
        },
        link = {"gomp", "openblas", "faiss"})
@Namespace("faiss")
public final class FaissLibrary {
    static {
        Loader.load();
    }

    private FaissLibrary() {}

    /** {@code faiss::MetricType} values. */
    public static final int METRIC_INNER_PRODUCT = 0;
    public static final int METRIC_L2 = 1;

    /** The abstract {@code faiss::Index}; see the class comment for ownership. */
    public static class Index extends Pointer {
        static {
            Loader.load();
        }

        public Index(Pointer p) {
            super(p);
        }

        @MemberGetter
        public native int d();

        @MemberGetter
        @Cast("int64_t")
        public native long ntotal();

        @MemberGetter
        @Cast("int")
        public native int metric_type();

        public native void train(@Cast("int64_t") long n, @Const float[] x);

        public native void add(@Cast("int64_t") long n, @Const float[] x);

        public native void add_with_ids(@Cast("int64_t") long n, @Const float[] x, @Cast("const int64_t*") long[] ids);

        /** {@code params} may be null; labels of missing results are -1. */
        public native void search(
                @Cast("int64_t") long n,
                @Const float[] x,
                @Cast("int64_t") long k,
                float[] distances,
                @Cast("int64_t*") long[] labels,
                @Const SearchParameters params);

        @Cast("size_t")
        public native long remove_ids(@Const @ByRef IDSelector sel);
    }

    /** {@code faiss::IndexIVF}, the base of {@link IndexIVFFlat}. */
    public static class IndexIVF extends Index {
        public IndexIVF(Pointer p) {
            super(p);
        }

        @MemberGetter
        @Cast("size_t")
        public native long nlist();

        /** The default for searches without parameters; stored in the index file. */
        @MemberSetter
        public native void nprobe(@Cast("size_t") long nprobe);

        @MemberGetter
        @Cast("size_t")
        public native long nprobe();
    }

    /** {@code faiss::IndexIVFFlat}, reached with {@link #asIvfFlat}. */
    public static class IndexIVFFlat extends IndexIVF {
        public IndexIVFFlat(Pointer p) {
            super(p);
        }
    }

    /** {@code faiss::IndexHNSW}; {@link #asHnsw} reaches it for {@code IndexHNSWFlat} only. */
    public static class IndexHNSW extends Index {
        public IndexHNSW(Pointer p) {
            super(p);
        }

        /** The flat index holding the vectors; owned by this index, never delete it separately. */
        @MemberGetter
        public native Index storage();

        @MemberSetter
        @Name("hnsw.efConstruction")
        public native void efConstruction(int ef);

        /** The default for searches without parameters; stored in the index file. */
        @MemberSetter
        @Name("hnsw.efSearch")
        public native void efSearch(int ef);

        @MemberGetter
        @Name("hnsw.efSearch")
        public native int efSearch();
    }

    /** {@code faiss::IndexFlat}, reached with {@link #asFlat}. */
    public static class IndexFlat extends Index {
        public IndexFlat(Pointer p) {
            super(p);
        }
    }

    /** Per-call search parameters: an optional id selector. Not owned by the index. */
    public static class SearchParameters extends Pointer {
        static {
            Loader.load();
        }

        public SearchParameters() {
            super((Pointer) null);
            allocate();
        }

        protected SearchParameters(Pointer p) {
            super(p);
        }

        private native void allocate();

        /** Not owned: the selector must outlive every search using these parameters. */
        @MemberSetter
        public native void sel(IDSelector sel);
    }

    public static class SearchParametersIVF extends SearchParameters {
        public SearchParametersIVF() {
            super((Pointer) null);
            allocate();
        }

        private native void allocate();

        @MemberSetter
        public native void nprobe(@Cast("size_t") long nprobe);
    }

    public static class SearchParametersHNSW extends SearchParameters {
        public SearchParametersHNSW() {
            super((Pointer) null);
            allocate();
        }

        private native void allocate();

        @MemberSetter
        public native void efSearch(int efSearch);
    }

    /** Abstract {@code faiss::IDSelector}. */
    public static class IDSelector extends Pointer {
        static {
            Loader.load();
        }

        protected IDSelector(Pointer p) {
            super(p);
        }
    }

    /** Selects the ids whose bit is set; does not copy or own {@code bitmap}. */
    public static class IDSelectorBitmap extends IDSelector {
        public IDSelectorBitmap(long bytes, BytePointer bitmap) {
            super((Pointer) null);
            allocate(bytes, bitmap);
        }

        private native void allocate(@Cast("size_t") long bytes, @Cast("const uint8_t*") BytePointer bitmap);
    }

    /** Selects the listed ids; copies them. */
    public static class IDSelectorBatch extends IDSelector {
        public IDSelectorBatch(long[] ids) {
            super((Pointer) null);
            allocate(ids.length, ids);
        }

        private native void allocate(@Cast("size_t") long n, @Cast("const int64_t*") long[] ids);
    }

    /** A new index described by a Faiss factory string, e.g. {@code "IVF256,Flat"}; caller owns it. */
    public static native Index index_factory(int d, String description, @Cast("faiss::MetricType") int metric);

    public static native void write_index(@Const Index index, String file);

    /** Reads an index file; the caller owns the result. */
    public static native Index read_index(String file, int ioFlags);

    /** Frees an index from {@link #index_factory} or {@link #read_index} (virtual destructor). */
    @Namespace
    @Name("delete")
    public static native void delete(Index index);

    @Namespace
    @Name("dynamic_cast<faiss::IndexIVFFlat*>")
    public static native IndexIVFFlat asIvfFlat(Index index);

    @Namespace
    @Name("dynamic_cast<faiss::IndexHNSWFlat*>")
    public static native IndexHNSW asHnsw(Index index);

    @Namespace
    @Name("dynamic_cast<faiss::IndexFlat*>")
    public static native IndexFlat asFlat(Index index);

    /** Sets the OpenMP thread count of the calling thread (libgomp keeps it per native thread). */
    @Namespace
    public static native void omp_set_num_threads(int threads);
}

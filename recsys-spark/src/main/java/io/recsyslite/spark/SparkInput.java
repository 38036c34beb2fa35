package io.recsyslite.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.internal.Sha256;
import io.recsyslite.core.spi.ModelData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training input on the cluster: events read from Parquet, the catalogue from CSV, checked
 * against the data contract and mapped to dense ints exactly as the embedded store does (ids
 * sorted; items = catalogue plus every item of the events). The id lists are collected on the
 * driver, since the model artifact holds them anyway. Not thread-safe; one per job.
 */
public final class SparkInput {
    /** Dense user int. */
    public static final String U = "u";
    /** Dense item int. */
    public static final String I = "i";
    /** Confidence of a user-item pair. */
    public static final String C = "c";
    /** Position of the event in the input as read, to break ties in time. */
    public static final String SEQ = "seq";

    private static final Logger LOG = LoggerFactory.getLogger(SparkInput.class);
    private static final int IDS_PER_SLICE = 20_000;
    private static final Map<String, Class<?>> CONTRACT = Map.of(
            "user_id", String.class, "item_id", String.class, "ts", Long.class, "qty", Number.class);

    private final SparkSession spark;
    private final Dataset<Row> events;
    private final IdIndex users;
    private final IdIndex items;
    private final String fingerprint;

    private SparkInput(SparkSession spark, Dataset<Row> events, IdIndex users, IdIndex items, String fingerprint) {
        this.spark = spark;
        this.events = events;
        this.users = users;
        this.items = items;
        this.fingerprint = fingerprint;
    }

    /** Reads and checks the events (Parquet) and the optional catalogue (CSV with header). */
    public static SparkInput read(SparkSession spark, String eventsPath, String itemsPath) {
        Dataset<Row> raw = spark.read().parquet(eventsPath);
        checkSchema(eventsPath, raw.schema());
        Dataset<Row> events = raw.select(col("user_id"), col("item_id"), col("ts").cast("long").as("ts"),
                col("qty").cast("double").as("qty")).withColumn(SEQ, monotonically_increasing_id()).cache();
        checkNoNulls(eventsPath, events);
        Dataset<Row> catalogue = itemsPath == null ? null : readCatalogue(spark, itemsPath);

        List<String> userIds = sortedDistinct(events.select("user_id"));
        Dataset<Row> itemColumn = events.select("item_id");
        if (catalogue != null) {
            itemColumn = itemColumn.union(catalogue);
        }
        List<String> itemIds = sortedDistinct(itemColumn);
        if (userIds.isEmpty()) {
            throw new InvalidDataException("Events file " + eventsPath + " has no rows; nothing to train on");
        }
        IdIndex users = IdIndex.of(userIds);
        IdIndex items = IdIndex.of(itemIds);
        Dataset<Row> indexed = events
                .join(indexFrame(spark, "user_id", U, userIds), "user_id")
                .join(broadcast(indexFrame(spark, "item_id", I, itemIds)), "item_id")
                .select(col(U), col(I), col("user_id"), col("item_id"), col("ts"), col("qty"), col(SEQ))
                .cache();
        String fingerprint = fingerprint(events, catalogue);
        long rows = indexed.count(); // materialises the indexed cache while the raw one is still there
        events.unpersist();
        LOG.info("Read {} events: {} users, {} items", rows, users.size(), items.size());
        return new SparkInput(spark, indexed, users, items, fingerprint);
    }

    public SparkSession spark() {
        return spark;
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    /** Events as columns u, i, user_id, item_id, ts, qty, seq. */
    public Dataset<Row> events() {
        return events;
    }

    /**
     * An order-independent hash of every event row and every catalogue id, computed on the
     * cluster: "sha256:" + hex of the row counts and the sums of per-row xxhash64 halves.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** One row per user-item pair (u, i, c): the events' confidence, summed as the embedded builder does. */
    public Dataset<Row> confidences(ConfidenceWeighting.Quantity quantity) {
        Column c = switch (quantity) {
            case BINARY -> lit(1.0);
            case COUNT -> count(lit(1)).cast("double");
            case QTY -> sum(col("qty"));
            case LOG_QTY -> sum(log1p(col("qty")));
        };
        return events.groupBy(U, I).agg(c.cast("float").as(C));
    }

    /**
     * The ids and the training confidences (the "seen" matrix), streamed to the driver one
     * partition at a time and put in CSR order there (counting sort by user, then a primitive sort
     * of each user's columns), which is cheaper than a global sort on the cluster.
     */
    public ModelData modelData(Dataset<Row> confidences) {
        int nnz = Math.toIntExact(confidences.count());
        int[] rowOf = new int[nnz];
        long[] entries = new long[nnz];
        int[] indptr = new int[users.size() + 1];
        Iterator<Row> rows = confidences.toLocalIterator();
        for (int p = 0; p < nnz; p++) {
            Row r = rows.next();
            rowOf[p] = r.getInt(0);
            indptr[rowOf[p] + 1]++;
            // column in the high half, value bits in the low half: sorting orders a row by column
            entries[p] = ((long) r.getInt(1) << 32) | (Float.floatToRawIntBits(r.getFloat(2)) & 0xFFFFFFFFL);
        }
        for (int u = 0; u < users.size(); u++) {
            indptr[u + 1] += indptr[u];
        }
        long[] sorted = new long[nnz];
        int[] next = Arrays.copyOf(indptr, users.size());
        for (int p = 0; p < nnz; p++) {
            sorted[next[rowOf[p]]++] = entries[p];
        }
        int[] indices = new int[nnz];
        float[] values = new float[nnz];
        for (int u = 0; u < users.size(); u++) {
            Arrays.sort(sorted, indptr[u], indptr[u + 1]);
        }
        for (int p = 0; p < nnz; p++) {
            indices[p] = (int) (sorted[p] >>> 32);
            values[p] = Float.intBitsToFloat((int) sorted[p]);
        }
        return new ModelData(users, items, new CsrMatrix(users.size(), items.size(), indptr, indices, values));
    }

    /** Releases the cached events. */
    public void release() {
        events.unpersist();
    }

    private static void checkSchema(String path, StructType schema) {
        for (Map.Entry<String, Class<?>> e : CONTRACT.entrySet()) {
            String name = e.getKey();
            if (!List.of(schema.fieldNames()).contains(name)) {
                throw new InvalidDataException("Events file " + path + " lacks column '" + name
                        + "'; the data contract is user_id string, item_id string, ts int64, qty int");
            }
            DataType type = schema.apply(name).dataType();
            boolean ok = e.getValue() == String.class ? type == DataTypes.StringType
                    : type instanceof NumericType && (e.getValue() == Number.class
                            || type == DataTypes.LongType || type == DataTypes.IntegerType);
            if (!ok) {
                throw new InvalidDataException("Events file " + path + " column '" + name + "' has type "
                        + type.simpleString() + "; the data contract wants "
                        + (e.getValue() == String.class ? "string" : e.getValue() == Long.class ? "int64" : "a number"));
            }
        }
    }

    /** One pass counts the empty values of every column; only a failing column costs a second look. */
    private static void checkNoNulls(String path, Dataset<Row> events) {
        String[] names = {"user_id", "item_id", "ts", "qty"};
        Column[] empty = new Column[names.length];
        Column[] counts = new Column[names.length];
        for (int k = 0; k < names.length; k++) {
            Column c = col(names[k]);
            empty[k] = c.isNull().or(names[k].endsWith("_id") ? c.equalTo("") : c.isNaN());
            counts[k] = sum(when(empty[k], 1).otherwise(0));
        }
        Row found = events.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).first();
        for (int k = 0; k < names.length; k++) {
            if (!found.isNullAt(k) && found.getLong(k) > 0) {
                Row example = events.filter(empty[k]).first();
                throw new InvalidDataException("Events file " + path + ": column '" + names[k] + "' is empty in "
                        + found.getLong(k) + " rows, e.g. the row " + example);
            }
        }
    }

    private static Dataset<Row> readCatalogue(SparkSession spark, String path) {
        Dataset<Row> csv = spark.read().option("header", "true").csv(path);
        if (!List.of(csv.columns()).contains("item_id")) {
            throw new InvalidDataException("Items file " + path + " has no 'item_id' column in its header; found "
                    + List.of(csv.columns()));
        }
        Dataset<Row> ids = csv.select(col("item_id"));
        long empty = ids.filter(col("item_id").isNull().or(col("item_id").equalTo(""))).count();
        if (empty > 0) {
            throw new InvalidDataException("Items file " + path + ": column 'item_id' is empty in " + empty + " rows");
        }
        return ids;
    }

    /** Distinct ids of a one-column frame, sorted on the driver with Java's String order like the embedded store. */
    private static List<String> sortedDistinct(Dataset<Row> column) {
        List<String> ids = new ArrayList<>(column.distinct().as(Encoders.STRING()).collectAsList());
        Collections.sort(ids);
        return ids;
    }

    /** (id, dense int) rows, parallelized in slices so no task carries the whole id list. */
    private static Dataset<Row> indexFrame(SparkSession spark, String idColumn, String indexColumn, List<String> ids) {
        List<Row> rows = new ArrayList<>(ids.size());
        for (int k = 0; k < ids.size(); k++) {
            rows.add(RowFactory.create(ids.get(k), k));
        }
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField(idColumn, DataTypes.StringType, false),
            DataTypes.createStructField(indexColumn, DataTypes.IntegerType, false)});
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(jsc.defaultParallelism(), ids.size() / IDS_PER_SLICE + 1);
        return spark.createDataFrame(jsc.parallelize(rows, slices), schema);
    }

    private static String fingerprint(Dataset<Row> events, Dataset<Row> catalogue) {
        StringBuilder summary = new StringBuilder("events:").append(hashSums(events, "user_id", "item_id", "ts", "qty"));
        if (catalogue != null) {
            summary.append("|items:").append(hashSums(catalogue, "item_id"));
        }
        return "sha256:" + Sha256.hex(summary.toString());
    }

    /** Row count and the sums of the high and low 32 bits of each row's xxhash64 (sums cannot overflow). */
    private static String hashSums(Dataset<Row> frame, String... columns) {
        Column[] cols = new Column[columns.length];
        for (int k = 0; k < columns.length; k++) {
            cols[k] = col(columns[k]);
        }
        Column h = xxhash64(cols);
        Row r = frame.select(h.as("h")).agg(count(lit(1)),
                sum(shiftrightunsigned(col("h"), 32)), sum(col("h").bitwiseAND(0xFFFFFFFFL))).first();
        return r.getLong(0) + ":" + (r.isNullAt(1) ? 0 : r.getLong(1)) + ":" + (r.isNullAt(2) ? 0 : r.getLong(2));
    }
}

package io.recsyslite.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Generated shop data in the data contract: users belong to one of {@code groups} taste groups and
 * buy mostly items of their group, so a working model recommends within the group.
 */
final class SyntheticEvents {
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("user_id", DataTypes.StringType, false),
        DataTypes.createStructField("item_id", DataTypes.StringType, false),
        DataTypes.createStructField("ts", DataTypes.LongType, false),
        DataTypes.createStructField("qty", DataTypes.IntegerType, false)});

    /** The same columns, allowing nulls, to write broken files. */
    static final StructType NULLABLE_SCHEMA = new StructType(java.util.Arrays.stream(SCHEMA.fields())
            .map(f -> DataTypes.createStructField(f.name(), f.dataType(), true)).toArray(StructField[]::new));

    private SyntheticEvents() {
    }

    static String userId(int u) {
        return "u" + u;
    }

    static String itemId(int i) {
        return "i" + i;
    }

    /** The taste group of item {@code i}: items are dealt out to groups in blocks. */
    static int group(int item, int items, int groups) {
        return item * groups / items;
    }

    /** Events as rows; user u is in group u % groups; 90% of a user's events hit the own group. */
    static List<Row> rows(int users, int items, int groups, int eventsPerUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>(users * eventsPerUser);
        int perGroup = items / groups;
        for (int u = 0; u < users; u++) {
            int g = u % groups;
            for (int e = 0; e < eventsPerUser; e++) {
                int item = random.nextInt(10) < 9 ? g * perGroup + random.nextInt(perGroup) : random.nextInt(items);
                rows.add(RowFactory.create(userId(u), itemId(item), 1_700_000_000L + e * 60L + random.nextInt(30),
                        1 + random.nextInt(3)));
            }
        }
        return rows;
    }

    static void writeParquet(SparkSession spark, List<Row> rows, Path dir) {
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.toString());
    }

    /** A catalogue CSV with every item plus {@code extra} items nobody interacted with. */
    static void writeCatalogue(Path file, int items, List<String> extra) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("item_id,category,brand,price,img_url");
        for (int i = 0; i < items; i++) {
            lines.add(itemId(i) + ",cat" + (i % 3) + ",brand,9.99,");
        }
        for (String id : extra) {
            lines.add(id + ",new,brand,1.00,");
        }
        Files.write(file, lines);
    }
}

package io.recsyslite.spark;

import org.apache.spark.sql.SparkSession;

/** A small local Spark for tests: two cores, no UI, two shuffle partitions. */
final class SparkTestSession {
    private SparkTestSession() {
    }

    static SparkSession start() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("recsys-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }
}

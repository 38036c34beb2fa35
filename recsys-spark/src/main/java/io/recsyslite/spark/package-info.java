/**
 * Training on Spark for shops that outgrow one machine. {@link TrainJob} (run with
 * {@code spark-submit --class io.recsyslite.spark.TrainJob}; options in {@link JobOptions}) reads
 * events and items from any Hadoop path, trains {@code als} ({@link SparkAls}, MLlib implicit ALS)
 * or {@code item2vec} ({@link SparkItem2Vec}, MLlib Word2Vec), and saves on the driver a model
 * directory in the layout of the embedded provider of the same name, which the embedded runtime
 * loads unchanged; {@link TopKWriter} optionally writes every user's top k as Parquet. The
 * exported model ({@link ExportedModel}) is for saving only and does not serve. See
 * {@code recsys-spark/README.md}.
 */
package io.recsyslite.spark;

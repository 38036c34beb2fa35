package io.recsyslite.spark;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.ModelManifest;
import io.recsyslite.core.artifact.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark training job: reads events (Parquet) and items (CSV) from any Hadoop path, trains
 * {@code als} (MLlib implicit ALS) or {@code item2vec} (MLlib Word2Vec over each user's
 * time-ordered items), collects the vectors on the driver and saves them as a model directory
 * the embedded runtime loads unchanged; optionally writes every user's top k as Parquet.
 * Run it with {@code spark-submit --class io.recsyslite.spark.TrainJob recsys-spark-job.jar ...};
 * started without a master it runs in {@code local[*]}. See recsys-spark/README.md. Stateless;
 * {@link #run} may be called for several jobs on one session, one at a time.
 */
public final class TrainJob {
    private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);

    private TrainJob() {
    }

    public static void main(String[] args) throws IOException {
        JobOptions options = JobOptions.parse(args);
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("recsys-lite train " + options.algorithm());
        if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            run(spark, options);
        } finally {
            spark.stop();
        }
    }

    /** Runs the job on an existing session (which stays open) and returns the saved manifest. */
    public static ModelManifest run(SparkSession spark, JobOptions options) throws IOException {
        long start = System.nanoTime();
        SparkTrainer trainer = SparkTrainer.named(options.algorithm());
        SplitParams params = trainer.resolve(options.params());
        SparkInput input = SparkInput.read(spark, options.events(), options.items());
        try {
            SparkModel trained = trainer.train(input, params, options.weighting());
            ModelManifest manifest = ModelArtifacts.save(trained.model(), Path.of(options.output()),
                    new Provenance(Map.of(), input.fingerprint(), trained.seed()));
            LOG.info("Saved {} model of {} users x {} items to {} in {} s", options.algorithm(),
                    input.users().size(), input.items().size(), options.output(), (System.nanoTime() - start) / 1e9);
            if (options.topkOutput() != null) {
                TopKWriter.write(input, trained, options.k(), options.topkOutput());
                LOG.info("Wrote top {} of every user to {}", options.k(), options.topkOutput());
            }
            return manifest;
        } finally {
            input.release();
        }
    }
}

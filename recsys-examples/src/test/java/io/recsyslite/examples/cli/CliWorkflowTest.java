package io.recsyslite.examples.cli;

import io.recsyslite.Recommendations;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands a shop runs, in order, through the real command line (without exiting the JVM). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliWorkflowTest {
    @TempDir
    static Path tmp;
    private Path data;
    private Path db;
    private Path model;

    /** Exit code and what a command printed. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RecsysLiteCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    void paths() {
        data = tmp.resolve("data");
        db = tmp.resolve("recsys.db");
        model = tmp.resolve("models/pop");
    }

    @Test
    @Order(1)
    void generateAndIngestIdempotently() {
        Run generate = run("generate-sample", "--out", data.toString(), "--events", "3000", "--items", "300");
        assertThat(generate.exit()).as(generate.err()).isZero();
        assertThat(generate.err()).contains("generate events done 3,000/3,000").contains("write parquet done");
        Run first = run("ingest", "--events", data.resolve("events.parquet").toString(),
                "--items", data.resolve("items.csv").toString(), "--db", db.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("3000 rows ingested").contains("now holds 3,000 events");

        Run again = run("ingest", "--events", data.resolve("events.parquet").toString(), "--db", db.toString());
        assertThat(again.out()).contains("already ingested, nothing added").contains("now holds 3,000 events");
        assertThat(again.err()).contains("checksum");
    }

    @Test
    @Order(2)
    void trainWithHeldOutMetricsThenLookAtAnswers() {
        Run train = run("train", "popularity", "--db", db.toString(), "--output", model.toString(), "--test-size", "0.2");
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.out()).contains("ndcg@10=").contains("Saved to " + model);
        assertThat(model.resolve("model.json")).exists();

        Run rec = run("recommend", "--db", db.toString(), "--model-dir", model.toString(), "--user-id", "user_1", "-k", "4");
        assertThat(rec.exit()).as(rec.err()).isZero();
        assertThat(rec.out()).contains("Recommendations for user_1").contains("item_");
        assertThat(run("recommend", "--db", db.toString(), "--model-dir", model.toString(), "--user-id", "stranger").out())
                .contains("not personalised");
        Run similar = run("similar", "--db", db.toString(), "--model-dir", model.toString(), "--item-id", "item_3", "-k", "3");
        assertThat(similar.out()).contains("Items similar to item_3");
    }

    @Test
    @Order(3)
    void trainPassesParamsWeightingAndThreadsToTheLibrary() throws Exception {
        Path constant = tmp.resolve("models/constant");
        Run train = run("train", "test-constant", "--db", db.toString(), "--output", constant.toString(),
                "--param", "weight=2", "--param", "mode=b", "--weighting", "binary", "--half-life-days", "30",
                "--threads", "1", "--seed", "7");
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.out()).doesNotContain("Held-out").contains("Saved to " + constant);
        Path below = tmp.resolve("models/below");
        Run measured = run("train", "test-constant", "--db", db.toString(), "--output", below.toString(),
                "--test-size", "0.2", "--threads", "1");
        assertThat(measured.exit()).as(measured.err()).isZero();
        assertThat(measured.out()).as("a model that ranks by item number is worse than best-sellers")
                .contains("Popularity on the same split").contains("WARNING: test-constant ranks below popularity");
        assertThat(Files.readString(below.resolve("model.json"))).contains("\"popularity_ndcg@10\"");

        Path auto = tmp.resolve("models/auto");
        Run chosen = run("train", "auto", "--db", db.toString(), "--output", auto.toString(), "--candidates",
                "test-constant", "--budget", "5m", "--threads", "1");
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(chosen.out()).as("popularity always competes and beats ranking by item number")
                .contains("Automatic choice on a validation split").contains("test-constant").contains("Chose popularity")
                .contains("Trained popularity");
        assertThat(Files.readString(auto.resolve("model.json"))).contains("\"selection\"")
                .contains("\"winner\" : \"popularity\"").contains("\"test-constant\" : 0.");
        Path tuned = tmp.resolve("models/auto-tuned");
        Run optimized = run("optimize", "--model-type", "auto", "--db", db.toString(), "--output", tuned.toString(),
                "--candidates", "test-constant", "--trials", "2", "--metric", "ndcg@10", "--threads", "1");
        assertThat(optimized.exit()).as(optimized.err()).isZero();
        assertThat(optimized.out()).contains("Best ndcg@10 on validation");
        assertThat(Files.readString(tuned.resolve("model/model.json"))).contains("\"winner\" : \"popularity\"")
                .contains("validation ndcg@10");
        Run badBudget = run("train", "auto", "--db", db.toString(), "--output", auto.toString(), "--budget", "soon");
        assertThat(badBudget.exit()).isEqualTo(1);
        assertThat(badBudget.err()).contains("--budget must be a number with s, m or h");
        assertThat(Files.readString(constant.resolve("model.json"))).contains("\"weight\" : 2.0")
                .contains("\"mode\" : \"b\"").contains("\"seed\" : 7");

        Run badWeighting = run("train", "popularity", "--db", db.toString(), "--weighting", "heavy");
        assertThat(badWeighting.exit()).isEqualTo(1);
        assertThat(badWeighting.err().strip()).isEqualTo("Error: --weighting must be qty, count, log_qty or binary, was 'heavy'");
        assertThat(run("train", "--help").out()).as("algorithms listed from the class path")
                .contains("popularity").contains("test-constant").contains("e.g. train als --help");
        assertThat(run("train", "test-constant", "--help").out()).as("the algorithm's parameters")
                .contains("Parameters of test-constant (--param NAME=VALUE):")
                .containsPattern("weight +default 1\\.0 +tuned in \\[");
    }

    @Test
    @Order(3)
    void eachCommandOffersOnlyTheOptionsItUses() {
        for (String command : new String[] {"ingest", "recommend", "similar"}) {
            assertThat(run(command, "--help").out()).as(command).doesNotContain("--seed").doesNotContain("--threads");
        }
        assertThat(run("gdpr", "delete-user", "--help").out()).doesNotContain("--seed").doesNotContain("--threads");
        for (String command : new String[] {"train", "evaluate", "optimize", "worker"}) {
            assertThat(run(command, "--help").out()).as(command).contains("--seed").contains("--threads");
        }
    }

    @Test
    @Order(4)
    void evaluateAndAlgorithms() throws Exception {
        Path chart = tmp.resolve("charts/evaluation.html");
        Run eval = run("evaluate", "popularity,test-constant", "--db", db.toString(), "--metrics", "hr@10,ndcg@10",
                "--chart", chart.toString());
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("Held out each user's last 1 event(s)").contains("hr@10").contains("ndcg@10")
                .contains("test users").doesNotContain("recall@20");
        List<String> lines = eval.out().strip().lines().toList();
        assertThat(lines).as("one table: header, then one row per algorithm, then the chart")
                .hasSize(5).satisfies(l -> {
                    assertThat(l.get(1)).startsWith("algorithm").contains("hr@10").contains("ndcg@10");
                    assertThat(l.get(2)).startsWith("popularity ").matches(".*\\[0\\.\\d{4}, 0\\.\\d{4}\\].*");
                    assertThat(l.get(3)).startsWith("test-constant ");
                });
        assertThat(lines.get(4)).isEqualTo("Chart: " + chart.toAbsolutePath());
        assertThat(Files.readString(chart)).contains("<svg").contains("popularity").contains("test-constant");
        Run holdout = run("evaluate", "test-constant", "--db", db.toString(), "--test-size", "0.3", "--param", "weight=2",
                "--metrics", "mrr", "--chart", chart.toString());
        assertThat(holdout.exit()).as(holdout.err()).isZero();
        assertThat(holdout.out()).contains("Held out a random 0.3 of each user's items").contains("mrr");
        Run badParam = run("evaluate", "popularity,test-constant", "--db", db.toString(), "--param", "weight=2",
                "--chart", chart.toString());
        assertThat(badParam.err()).contains("with several algorithms write ALGO.NAME=VALUE");
        assertThat(run("evaluate", "popularity", "--db", db.toString(), "--test-size", "0.2", "--leave-last", "1").exit())
                .as("splits are exclusive").isEqualTo(2);
        assertThat(run("algorithms").out()).contains("popularity").contains("als").contains("factors")
                .contains("test-constant  test model: item i scores weight * i")
                .contains("weight               default 1.0        tuned in [0.5, 2]\n")
                .contains("size                 default 8          tuned in [1, 64] (log)\n")
                .contains("mode                 default a          tuned over [a, b]\n");
    }

    @Test
    @Order(5)
    void gdprExportThenDelete() throws Exception {
        Path export = tmp.resolve("export.json");
        Run ex = run("gdpr", "export-user", "--user-id", "user_1", "--db", db.toString(), "--output", export.toString());
        assertThat(ex.exit()).as(ex.err()).isZero();
        assertThat(ex.out()).containsPattern("Exported [1-9][0-9]* events of user_1");
        assertThat(Files.readString(export)).contains("\"user_id\" : \"user_1\"").contains("\"events\" : [ {")
                .contains("\"item_id\" : \"item_").contains("events.parquet");

        Run del = run("gdpr", "delete-user", "--user-id", "user_1", "--db", db.toString(), "--model-dir", model.toString());
        assertThat(del.exit()).as(del.err()).isZero();
        assertThat(del.out()).contains("Deleted").contains("Scrubbed the user from");
        assertThat(run("recommend", "--db", db.toString(), "--model-dir", model.toString(), "--user-id", "user_1").out())
                .contains("not personalised");

        Run later = run("gdpr", "delete-user", "--user-id", "user_3", "--db", db.toString());
        assertThat(later.out()).contains("Models are scrubbed of the user before they are next served.");
        assertThat(run("recommend", "--db", db.toString(), "--model-dir", model.toString(), "--user-id", "user_3").out())
                .contains("not personalised");
    }

    @Test
    @Order(6)
    void userErrorsAreOneLineAndExitNonZero() throws Exception {
        Run unknown = run("train", "magic", "--db", db.toString(), "--output", tmp.resolve("x").toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().strip()).startsWith("Error: Unknown algorithm 'magic'; available: ").contains("popularity")
                .doesNotContain("\n").doesNotContain("Exception");

        Run missing = run("ingest", "--events", tmp.resolve("nope.parquet").toString(), "--db", db.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("Error: " + tmp.resolve("nope.parquet") + ": no such file");

        Path fresh = tmp.resolve("fresh.db");
        Run typoedEvents = run("ingest", "--items", data.resolve("items.csv").toString(),
                "--events", tmp.resolve("nope.parquet").toString(), "--db", fresh.toString());
        assertThat(typoedEvents.exit()).isEqualTo(1);
        assertThat(typoedEvents.err().strip()).isEqualTo("Error: " + tmp.resolve("nope.parquet") + ": no such file");
        assertThat(fresh).as("neither a new store nor half an ingest").doesNotExist();

        Path typo = tmp.resolve("recsys-typo.db");
        Run noDb = run("gdpr", "delete-user", "--user-id", "user_2", "--db", typo.toString());
        assertThat(noDb.exit()).isEqualTo(1);
        assertThat(noDb.err().strip()).isEqualTo("Error: no such file: " + typo
                + " (no database there yet; recsys-lite ingest creates it)");
        assertThat(typo).as("no empty store left behind").doesNotExist();
        assertThat(run("recommend", "--db", typo.toString(), "--model-dir", model.toString(), "--user-id", "u").exit())
                .isEqualTo(1);
        Run noDbWorker = run("worker", "--once", "--db", typo.toString(), "--model-dir", model.toString());
        assertThat(noDbWorker.exit()).isEqualTo(1);
        assertThat(noDbWorker.err()).contains("no such file: " + typo);
        // a regression would start serving (and block) instead of failing
        Run noDbServe = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> run("serve", "--port", "0", "--db", typo.toString(), "--model-dir", model.toString()));
        assertThat(noDbServe.exit()).isEqualTo(1);
        assertThat(noDbServe.err()).contains("no such file: " + typo);
        assertThat(typo).as("no empty store left behind by worker or serve").doesNotExist();

        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "user_id,item_id,ts,qty\nu1,i1,1700000000,1\nu2,i2,1700000000,-3\n");
        Run invalid = run("ingest", "--events", bad.toString(), "--db", db.toString());
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.err()).contains("row 2").contains("column qty");

        Run bigK = run("recommend", "--db", db.toString(), "--model-dir", model.toString(), "--user-id", "user_2", "-k", "1000");
        assertThat(bigK.exit()).isEqualTo(1);
        assertThat(bigK.err()).contains("k must be between 1 and 100");
        assertThat(run("recommend", "--db", db.toString(), "--model-dir", model.toString(), "--user-id", "user_2", "-k", "0")
                .err()).contains("k must be between 1 and 100, was 0");

        Run badMetric = run("evaluate", "popularity", "--db", db.toString(), "--metrics", "ndcg@ten");
        assertThat(badMetric.exit()).isEqualTo(1);
        assertThat(badMetric.err().strip()).startsWith("Error: Unknown metric 'ndcg@ten'").doesNotContain("\n");

        assertThat(run("train").exit()).isEqualTo(2);
        assertThat(run("ingest", "--db", db.toString()).err()).contains("give --events, --items or both");
    }

    @Test
    @Order(7)
    void workerFoldsInANewFileOnce() throws Exception {
        Path incoming = tmp.resolve("incremental");
        Files.createDirectories(incoming);
        Files.writeString(incoming.resolve("new.csv"), "user_id,item_id,ts,qty\nuser_2,item_5,1735000000,1\nnewbie,item_5,1735000000,1\n");

        Run worker = run("worker", "--once", "--db", db.toString(), "--model-dir", model.toString(),
                "--incoming", incoming.toString());

        assertThat(worker.exit()).as(worker.err()).isZero();
        assertThat(worker.out()).contains("Ingested 1 file(s), rejected 0, folded in 2 user(s)");
        assertThat(incoming.resolve("processed/new.csv")).exists();
        assertThat(WorkerCommand.period("90m")).hasMinutes(90);
        assertThat(run("worker", "--once", "--retrain-every", "soon", "--db", db.toString()).err())
                .contains("--retrain-every must look like");
        Run noModel = run("worker", "--once", "--db", db.toString(), "--model-dir", tmp.resolve("no-model").toString(),
                "--incoming", incoming.toString());
        assertThat(noModel.exit()).isEqualTo(1);
        assertThat(noModel.err()).contains("model.json is missing");
    }
}

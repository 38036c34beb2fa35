package io.recsyslite.examples.cli;

import io.recsyslite.RecSysConfig;
import static io.recsyslite.examples.cli.CliWorkflowTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.internal.serving.ModelStatus;
import io.recsyslite.internal.serving.RecSysEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving through Faiss saves the calibrated index beside the model; the next load reads it
 * instead of rebuilding, Python's faiss opens it, and an index built for another model is rebuilt.
 * Needs /usr/bin/python3 with python3-faiss (scripts/setup-system.sh installs it): fails without.
 */
class SavedIndexTest {
    private static final String TYPE = "faiss-ivf-flat";
    @TempDir
    Path tmp;

    @Test
    void aSavedIndexIsReusedForItsModelOnlyAndOpensInPython() throws Exception {
        Path data = tmp.resolve("data");
        Path db = tmp.resolve("recsys.db");
        assertThat(run("generate-sample", "--out", data.toString(), "--events", "6000", "--items", "400").exit()).isZero();
        assertThat(run("ingest", "--events", data.resolve("events.parquet").toString(),
                "--items", data.resolve("items.csv").toString(), "--db", db.toString()).exit()).isZero();
        Path model = tmp.resolve("model");
        assertThat(run("train", "als", "--db", db.toString(), "--output", model.toString()).exit()).isZero();
        RecSysConfig config = RecSysConfig.defaults(db).withIndex(TYPE, new IndexOptions(2, Map.of()));
        Path index = model.resolve("index-" + TYPE + ".index");

        IndexCalibration first = status(config, model).calibration().orElseThrow();
        assertThat(index).exists();
        FileTime written = Files.getLastModifiedTime(index);
        Thread.sleep(20);
        assertThat(status(config, model).calibration()).contains(first);
        assertThat(Files.getLastModifiedTime(index)).as("read, not rebuilt").isEqualTo(written);

        Process python = new ProcessBuilder("/usr/bin/python3", "-c",
                "import sys, faiss; i = faiss.read_index(sys.argv[1]); print(i.ntotal, faiss.extract_index_ivf(i).nprobe)",
                index.toString()).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(python.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("400 " + first.value());

        Path keep = Files.createDirectories(tmp.resolve("old-index"));
        Path key = model.resolve("index-" + TYPE + ".key");
        Files.copy(index, keep.resolve("index"));
        Files.copy(key, keep.resolve("key"));
        assertThat(run("train", "als", "--db", db.toString(), "--output", model.toString(), "--param", "factors=8").exit())
                .isZero();
        Files.copy(keep.resolve("index"), index); // the old model's index beside the new model: stale
        Files.copy(keep.resolve("key"), key);
        FileTime stale = Files.getLastModifiedTime(index);
        Thread.sleep(20);
        assertThat(status(config, model).calibration()).isPresent();
        assertThat(Files.getLastModifiedTime(index)).as("rebuilt for the new model").isNotEqualTo(stale);
        assertThat(keyLine(key)).isNotEqualTo(keyLine(keep.resolve("key")));
    }

    private static String keyLine(Path keyFile) throws java.io.IOException {
        return Files.readAllLines(keyFile).stream().filter(l -> l.startsWith("key=")).findFirst().orElseThrow();
    }

    private static ModelStatus status(RecSysConfig config, Path model) throws Exception {
        try (RecSysEngine recSys = RecSysEngine.open(config, model)) {
            return recSys.status().orElseThrow();
        }
    }
}

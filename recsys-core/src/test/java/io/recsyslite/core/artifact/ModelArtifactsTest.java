package io.recsyslite.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.error.UnknownNameException;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.core.testing.ConstantScoresProvider;
import io.recsyslite.core.testing.TinyData;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactsTest {
    @TempDir
    Path tmp;
    private final Algorithms algorithms = Algorithms.discover();
    private Recommender model;
    private Path dir;

    @BeforeEach
    void train() throws IOException {
        ConstantScoresProvider p = new ConstantScoresProvider();
        model = p.fit(TinyData.threeUsers(), p.paramSpace().resolve(Map.of("weight", "2")), TrainingContext.singleThreaded(1));
        dir = tmp.resolve("models/const");
        ModelArtifacts.save(model, dir, new Provenance(Map.of("ndcg@10", 0.5), "fp123", 7, "2026-11-29T08:00:00.000001Z"));
    }

    @Test
    void roundTripKeepsIdsParamsScoresAndProvenance() throws IOException {
        ModelArtifacts.Loaded loaded = ModelArtifacts.load(dir, algorithms);

        assertThat(loaded.model().users()).isEqualTo(model.users());
        assertThat(loaded.model().items()).isEqualTo(model.items());
        assertThat(loaded.model().params()).isEqualTo(model.params());
        assertThat(loaded.model().recommend(0, RecommendRequest.top(3)).items())
                .containsExactly(model.recommend(0, RecommendRequest.top(3)).items());
        assertThat(loaded.manifest().provenance().metrics()).containsEntry("ndcg@10", 0.5);
        assertThat(loaded.manifest().provenance().dataFingerprint()).isEqualTo("fp123");
        assertThat(loaded.manifest().provenance().dataReadInstant())
                .hasValue(java.time.Instant.parse("2026-11-29T08:00:00.000001Z"));
        assertThat(loaded.manifest().files()).containsKeys("users.json", "items.json", "seen_indptr.npy");
        assertThat(loaded.manifest().model().get("note").asText()).isEqualTo("constant");
    }

    @Test
    void seenItemsAreExcludedAfterLoading() throws IOException {
        Recommender loaded = ModelArtifacts.load(dir, algorithms).model();
        // u0 saw i0 and i1; constant scores prefer higher items
        assertThat(loaded.recommend(0, RecommendRequest.top(5)).items()).containsExactly(4, 3, 2);
    }

    @Test
    void npyFilesAreReadableNumpyArrays() throws IOException {
        byte[] head = Files.readAllBytes(files().resolve("seen_indptr.npy"));
        String header = new String(head, 10, 60, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(head[0]).isEqualTo((byte) 0x93);
        assertThat(header).contains("'descr': '<i4'").contains("'shape': (4,)");
        assertThat((10 + (head[8] & 0xff)) % 64).isZero();
    }

    @Test
    void savingAgainReplacesTheModelAndLeavesNoTemporaryDirectories() throws IOException {
        ModelArtifacts.save(model, dir, Provenance.none());
        try (var s = Files.list(dir.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("const");
        }
        assertThat(entries(dir)).containsExactlyInAnyOrder("model.json", ".lock", files().getFileName().toString());
        assertThat(ModelArtifacts.verify(dir).provenance().metrics()).isEmpty();
        assertThat(ModelArtifacts.verify(dir).provenance().dataReadInstant()).isEmpty();
    }

    @Test
    void aModelDirectoryHonoursTheUmaskSoATrainerAndAServerOfOneGroupCanShareIt() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        // What this process's umask gives a plain folder and file: the model's own must be the same.
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("probe")));
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe/file")));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(folder);
        assertThat(Files.getPosixFilePermissions(files())).isEqualTo(folder);
        assertThat(Files.getPosixFilePermissions(dir.resolve("model.json"))).isEqualTo(file);
        try (var s = Files.list(files())) {
            for (Path f : s.toList()) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(file);
            }
        }
    }

    @Test
    void corruptFileIsNamed() throws IOException {
        Path f = files().resolve("seen_data.npy");
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 1] ^= 1;
        Files.write(f, bytes);

        assertThatThrownBy(() -> ModelArtifacts.load(dir, algorithms))
                .isInstanceOf(CorruptModelException.class)
                .hasMessageContaining("seen_data.npy").hasMessageContaining("corrupt");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Files.delete(files().resolve("items.json"));
        assertThatThrownBy(() -> ModelArtifacts.load(dir, algorithms))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("items.json is missing");
    }

    @Test
    void missingDirectoryAndBrokenManifestAreClearErrors() throws IOException {
        assertThatThrownBy(() -> ModelArtifacts.load(tmp.resolve("nope"), algorithms))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("model.json is missing");
        Files.writeString(dir.resolve("model.json"), "{not json");
        assertThatThrownBy(() -> ModelArtifacts.load(dir, algorithms))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("model.json");
    }

    @Test
    void aTruncatedManifestIsNamed() throws IOException {
        byte[] whole = Files.readAllBytes(dir.resolve("model.json"));
        Files.write(dir.resolve("model.json"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> ModelArtifacts.load(dir, algorithms))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("model.json is truncated");
        Files.write(dir.resolve("model.json"), new byte[0]);
        assertThatThrownBy(() -> ModelArtifacts.load(dir, algorithms))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("model.json is empty");
    }

    @Test
    void atEveryStepOfAReplaceTheDirectoryIsTheOldOrTheNewModel() throws IOException {
        List<String> seen = new ArrayList<>();
        ModelArtifacts.save(model, dir, new Provenance(Map.of(), "new", 1), step ->
                seen.add(step + ": " + ModelArtifacts.load(dir, algorithms).manifest().provenance().dataFingerprint()));

        assertThat(seen).containsExactly("files written: fp123", "manifest written: fp123", "published: new");
        assertThat(ModelArtifacts.verify(dir).provenance().dataFingerprint()).isEqualTo("new");
    }

    @Test
    void aSaveKilledAtAnyStepLeavesAServableModelAndTheNextSaveClearsItsLeftovers() throws IOException {
        for (String killedAt : List.of("files written", "manifest written", "published")) {
            String fingerprint = "killed at " + killedAt;
            assertThatThrownBy(() -> ModelArtifacts.save(model, dir, new Provenance(Map.of(), fingerprint, 1), step -> {
                if (step.equals(killedAt)) {
                    throw new IOException("killed");
                }
            })).hasMessage("killed");
            assertThat(ModelArtifacts.load(dir, algorithms).manifest().provenance().dataFingerprint())
                    .isIn("fp123", "killed at files written", "killed at manifest written", fingerprint);
        }
        assertThat(ModelArtifacts.verify(dir).provenance().dataFingerprint()).isEqualTo("killed at published");

        // what a kill leaves (a kill runs no clean-up): an unpublished version and a pending manifest
        Files.createDirectories(dir.resolve("v-20260101T000000000-deadbeef"));
        Files.writeString(dir.resolve("v-20260101T000000000-deadbeef/users.json"), "[\"user_42\"]");
        Files.writeString(dir.resolve(".model.json.pending"), "{");
        ModelArtifacts.save(model, dir, Provenance.none());
        assertThat(entries(dir)).containsExactlyInAnyOrder("model.json", ".lock", files().getFileName().toString());
    }

    @Test
    void leftoversOfEarlierVersionsBesideTheDirectoryAreRemovedOnSave() throws IOException {
        Path old = Files.createDirectories(dir.resolveSibling(".const.old-123"));
        Files.writeString(old.resolve("users.json"), "[\"user_42\"]");
        Files.createDirectories(dir.resolveSibling(".const.tmp-456"));
        Path unrelated = Files.createDirectories(dir.resolveSibling(".constant.tmp-789"));

        ModelArtifacts.save(model, dir, Provenance.none());

        assertThat(entries(dir.getParent())).containsExactlyInAnyOrder("const", unrelated.getFileName().toString());
    }

    @Test
    void aDirectoryOfTheFirstFormatLoadsAndIsReplacedInOneStep() throws IOException {
        Path legacy = tmp.resolve("legacy");
        writeFirstFormat(legacy);
        assertThat(ModelArtifacts.load(legacy, algorithms).model().users()).isEqualTo(model.users());

        List<String> seen = new ArrayList<>();
        ModelArtifacts.save(model, legacy, new Provenance(Map.of(), "new", 1), step ->
                seen.add(ModelArtifacts.load(legacy, algorithms).manifest().provenance().dataFingerprint()));

        assertThat(seen).containsExactly("fp123", "fp123", "new");
        assertThat(entries(legacy)).containsExactlyInAnyOrder("model.json", ".lock",
                ModelDirectory.filesOf(legacy, ModelArtifacts.verify(legacy)).getFileName().toString());
    }

    /** A model as format version 1 wrote it: the files beside model.json, no files_dir. */
    private void writeFirstFormat(Path legacy) throws IOException {
        Files.createDirectories(legacy);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        manifest.put("format_version", 1);
        manifest.remove(ModelDirectory.FILES_DIR);
        json.writeValue(legacy.resolve("model.json").toFile(), manifest);
        for (String name : entries(files())) {
            Files.copy(files().resolve(name), legacy.resolve(name));
        }
    }

    private Path files() throws IOException {
        return ModelDirectory.filesOf(dir, ModelArtifacts.verify(dir));
    }

    private static List<String> entries(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void newerFormatVersionIsRefused() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        manifest.put("format_version", ModelArtifacts.FORMAT_VERSION + 1);
        json.writeValue(dir.resolve("model.json").toFile(), manifest);

        assertThatThrownBy(() -> ModelArtifacts.load(dir, algorithms))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("newer");
    }

    @Test
    void unknownAlgorithmListsTheKnownOnes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("model.json").toFile());
        manifest.put("algorithm", "nope");
        json.writeValue(dir.resolve("model.json").toFile(), manifest);

        assertThatThrownBy(() -> ModelArtifacts.load(dir, algorithms))
                .isInstanceOf(UnknownNameException.class)
                .hasMessageContaining("Unknown algorithm 'nope'").hasMessageContaining(ConstantScoresProvider.NAME);
    }
}

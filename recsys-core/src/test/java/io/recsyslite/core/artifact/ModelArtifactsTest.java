package io.recsyslite.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        byte[] head = Files.readAllBytes(dir.resolve("seen_indptr.npy"));
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
        assertThat(ModelArtifacts.verify(dir).provenance().metrics()).isEmpty();
        assertThat(ModelArtifacts.verify(dir).provenance().dataReadInstant()).isEmpty();
    }

    @Test
    void corruptFileIsNamed() throws IOException {
        Path f = dir.resolve("seen_data.npy");
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 1] ^= 1;
        Files.write(f, bytes);

        assertThatThrownBy(() -> ModelArtifacts.load(dir, algorithms))
                .isInstanceOf(CorruptModelException.class)
                .hasMessageContaining("seen_data.npy").hasMessageContaining("corrupt");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Files.delete(dir.resolve("items.json"));
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

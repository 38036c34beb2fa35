package io.recsyslite.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recsyslite.core.error.CorruptModelException;
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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserScrubberTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void forgottenUserIsGoneAndTheModelStillLoads() throws IOException {
        Path dir = savedModel();

        assertThat(UserScrubber.forget(dir, Set.of("u0", "nobody"))).containsExactly("u0");

        Recommender loaded = ModelArtifacts.load(dir, Algorithms.discover()).model();
        assertThat(loaded.users().indexOf("u0")).isNegative();
        assertThat(loaded.users().indexOf("u1")).isEqualTo(1);
        // u0's seen row is emptied: nothing of theirs is excluded any more
        assertThat(loaded.recommend(0, RecommendRequest.top(5)).items()).containsExactly(4, 3, 2, 1, 0);
        assertThat(UserScrubber.forget(dir, Set.of("u0"))).isEmpty();
    }

    @Test
    void aModelWithoutTheUsersIsLeftToTheOneVerificationOfLoading() throws IOException {
        Path dir = savedModel();
        Path affinity = ModelArtifacts.filesDir(dir).resolve("affinity.npy");
        byte[] bytes = Files.readAllBytes(affinity);
        bytes[bytes.length - 1] ^= 1;
        Files.write(affinity, bytes); // corrupt, but not the users' file

        // no file is hashed: the users are not in the model, so there is nothing to scrub
        assertThat(UserScrubber.forget(dir, Set.of("nobody"))).isEmpty();
        // a user that is in it needs the verified rewrite, which names the corrupt file
        assertThatThrownBy(() -> UserScrubber.forget(dir, Set.of("u0"))).isInstanceOf(CorruptModelException.class)
                .hasMessageContaining("affinity.npy");
        assertThatThrownBy(() -> ModelArtifacts.load(dir, Algorithms.discover()))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("affinity.npy");
    }

    @Test
    void erasureAlsoRemovesCrashLeftoversThatHoldTheUser() throws IOException {
        Path dir = savedModel();
        UserScrubber.forget(dir, Set.of("u0"));
        // what crashed saves of earlier versions and of this one leave, each still holding u0
        Path besides = Files.createDirectories(tmp.resolve(".model.old-1"));
        Files.writeString(besides.resolve("users.json"), "[\"u0\"]");
        Path unpublished = Files.createDirectories(dir.resolve("v-20260101T000000000-0badc0de"));
        Files.writeString(unpublished.resolve("users.json"), "[\"u0\"]");

        assertThat(UserScrubber.forget(dir, Set.of("u0"))).isEmpty();

        assertThat(besides).doesNotExist();
        assertThat(unpublished).doesNotExist();
        assertThat(ModelArtifacts.load(dir, Algorithms.discover()).model().users().indexOf("u1")).isEqualTo(1);
    }

    @Test
    void theArraysTheWriterDeclaresPerUserAreScrubbedWhateverTheirName() throws IOException {
        Path dir = savedModel();

        UserScrubber.forget(dir, Set.of("u0"));

        assertThat((float[]) Npy.read(ModelArtifacts.filesDir(dir).resolve("affinity.npy")).data())
                .containsExactly(0f, 0f, 1f, 1f, 1f, 1f);
    }

    @Test
    void aModelSavedBeforeWritersDeclaredTheirArraysIsScrubbedByName() throws IOException {
        Path dir = savedModel();
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve(ModelArtifacts.MANIFEST).toFile());
        assertThat(manifest.at("/model/user_rows/csr").get(0).asText()).isEqualTo("seen");
        ((ObjectNode) manifest.get("model")).remove("user_rows");
        JSON.writeValue(dir.resolve(ModelArtifacts.MANIFEST).toFile(), manifest);

        assertThat(UserScrubber.forget(dir, Set.of("u0"))).containsExactly("u0");

        Recommender loaded = ModelArtifacts.load(dir, Algorithms.discover()).model();
        assertThat(loaded.recommend(0, RecommendRequest.top(5)).items()).containsExactly(4, 3, 2, 1, 0);
        assertThat((float[]) Npy.read(ModelArtifacts.filesDir(dir).resolve("affinity.npy")).data())
                .as("not named user_*: an old model had no such array").containsOnly(1f);
    }

    private Path savedModel() throws IOException {
        ConstantScoresProvider p = new ConstantScoresProvider();
        Recommender model = p.fit(TinyData.threeUsers(), p.paramSpace().resolve(Map.of()), TrainingContext.singleThreaded(1));
        Path dir = tmp.resolve("model");
        ModelArtifacts.save(model, dir, Provenance.none());
        return dir;
    }
}

package io.recsyslite.core.artifact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recsyslite.core.internal.Sha256;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Removes every trace of some users from a saved model directory (GDPR erasure), whatever the
 * algorithm:
 * <ul>
 *   <li>{@code users.json}: the user's id is replaced by a tombstone, so dense ints stay stable;</li>
 *   <li>the per-user arrays the model's writer declared ({@link ArtifactWriter#putUserFloats},
 *       {@link ArtifactWriter#putUserCsr}, {@link ArtifactWriter#putUserRows}): the user's row is
 *       zeroed, or emptied for a CSR ({@code NAME_indptr.npy} with one entry per user plus one, and
 *       sibling {@code NAME_*.npy} arrays of the entry count);</li>
 *   <li>in a model saved before writers declared them, the arrays are found by name: a CSR named
 *       {@code seen} or {@code user_*}, and any other {@code user_*} array.</li>
 * </ul>
 * The rewritten model gets fresh checksums and replaces the old one atomically; what earlier saves
 * left behind in or beside the directory (older versions, crash leftovers) is removed, since it
 * may hold the users too.
 */
final class UserScrubber {
    /** Prefix of the ids that replace erased users in users.json. */
    static final String TOMBSTONE_PREFIX = "\u0000erased-user-";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UserScrubber() {
    }

    /**
     * Erases the given users from the model in {@code dir}.
     *
     * @return the ids that were in the model (and are now erased); empty when nothing changed
     */
    static Set<String> forget(Path dir, Set<String> userIds) throws IOException {
        if (holdsNone(dir, userIds) && ModelDirectory.leftovers(dir).isEmpty()) {
            // nothing to write: a read-only model directory stays servable, and loading it does the
            // one verification of its files
            return Set.of();
        }
        try (ModelDirectory locked = ModelDirectory.lock(dir)) {
            return forget(locked, dir, userIds);
        }
    }

    private static Set<String> forget(ModelDirectory locked, Path dir, Set<String> userIds) throws IOException {
        ModelManifest manifest = ModelArtifacts.verify(dir);
        Path current = ModelDirectory.filesOf(dir, manifest);
        List<String> users = readUsers(dir, manifest);
        BitSet rows = new BitSet(users.size());
        Set<String> erased = new TreeSet<>();
        for (int u = 0; u < users.size(); u++) {
            if (userIds.contains(users.get(u))) {
                rows.set(u);
                erased.add(users.get(u));
                users.set(u, TOMBSTONE_PREFIX + u);
            }
        }
        if (erased.isEmpty()) {
            locked.removeLeftovers();
            return erased;
        }
        ObjectNode json = (ObjectNode) JSON.readTree(dir.resolve(ModelArtifacts.MANIFEST).toFile());
        locked.publish(version -> {
            for (String name : manifest.files().keySet()) {
                if (!name.equals("users.json")) {
                    Files.copy(current.resolve(name), version.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            JSON.writeValue(version.resolve("users.json").toFile(), users);
            JsonNode declared = manifest.model() == null ? null : manifest.model().get(ArtifactWriter.USER_ROWS);
            if (declared != null) {
                for (JsonNode csr : declared.path("csr")) {
                    if (scrubUserCsr(version, csr.asText() + "_", manifest.files().keySet(), users.size(), rows).isEmpty()) {
                        throw new IOException(csr.asText() + " is declared per user but has no row per user");
                    }
                }
                for (JsonNode dense : declared.path("dense")) {
                    zeroRows(version.resolve(dense.asText()), users.size(), rows);
                }
            } else {
                scrubByName(version, manifest.files().keySet(), users.size(), rows);
            }
            return withChecksums(json, version, manifest.files().keySet());
        }, ModelDirectory.Steps.NONE);
        return erased;
    }

    /**
     * Whether the model's users.json, read without verifying checksums, holds none of the ids; a
     * file that cannot be read counts as holding them, so the verified path names what is wrong.
     */
    private static boolean holdsNone(Path dir, Set<String> userIds) {
        try {
            return Collections.disjoint(readUsers(dir, ModelArtifacts.readManifest(dir)), userIds);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> readUsers(Path dir, ModelManifest manifest) throws IOException {
        Path users = ModelDirectory.filesOf(dir, manifest).resolve("users.json");
        return new ArrayList<>(JSON.readValue(users.toFile(), new TypeReference<List<String>>() { }));
    }

    /** A model saved before writers declared their per-user arrays: they are found by name. */
    private static void scrubByName(Path dir, Set<String> files, int numUsers, BitSet rows) throws IOException {
        List<String> csrMembers = new ArrayList<>();
        for (String name : files) {
            if (name.endsWith("_indptr.npy")) {
                String prefix = name.substring(0, name.length() - "indptr.npy".length());
                if (prefix.equals("seen_") || prefix.startsWith("user_")) {
                    csrMembers.addAll(scrubUserCsr(dir, prefix, files, numUsers, rows));
                }
            }
        }
        for (String name : files) {
            if (name.startsWith("user_") && name.endsWith(".npy") && !csrMembers.contains(name)) {
                zeroRows(dir.resolve(name), numUsers, rows);
            }
        }
    }

    /**
     * Empties the erased users' rows of the CSR {@code prefix + "indptr.npy"} and of its sibling
     * arrays; returns the files rewritten, none when it does not have one row per user.
     */
    private static List<String> scrubUserCsr(Path dir, String prefix, Set<String> files, int numUsers, BitSet rows)
            throws IOException {
        String name = prefix + "indptr.npy";
        int[] indptr = (int[]) Npy.read(dir.resolve(name)).data();
        if (indptr.length != numUsers + 1) {
            return List.of();
        }
        List<String> members = new ArrayList<>(List.of(name));
        BitSet keep = new BitSet(indptr[numUsers]);
        int[] newIndptr = new int[indptr.length];
        for (int u = 0; u < numUsers; u++) {
            int len = rows.get(u) ? 0 : indptr[u + 1] - indptr[u];
            if (!rows.get(u)) {
                keep.set(indptr[u], indptr[u + 1]);
            }
            newIndptr[u + 1] = newIndptr[u] + len;
        }
        rewrite(dir.resolve(name), newIndptr, new int[] {newIndptr.length});
        for (String sibling : files) {
            if (sibling.startsWith(prefix) && sibling.endsWith(".npy") && !sibling.equals(name)) {
                Npy.Array a = Npy.read(dir.resolve(sibling));
                if (Array.getLength(a.data()) == indptr[numUsers]) {
                    Object kept = select(a.data(), keep);
                    rewrite(dir.resolve(sibling), kept, new int[] {Array.getLength(kept)});
                    members.add(sibling);
                }
            }
        }
        return members;
    }

    private static void zeroRows(Path file, int numUsers, BitSet rows) throws IOException {
        Npy.Array a = Npy.read(file);
        if (a.shape().length == 0 || a.shape()[0] != numUsers) {
            throw new IOException(file.getFileName() + " is a per-user array but does not have one row per user");
        }
        int width = Array.getLength(a.data()) / numUsers;
        Object data = a.data();
        for (int u = rows.nextSetBit(0); u >= 0; u = rows.nextSetBit(u + 1)) {
            for (int j = u * width; j < (u + 1) * width; j++) {
                Array.set(data, j, data instanceof float[] ? (Object) 0f : data instanceof int[] ? (Object) 0 : (Object) 0L);
            }
        }
        rewrite(file, data, a.shape());
    }

    private static Object select(Object data, BitSet keep) {
        int n = keep.cardinality();
        Object out = Array.newInstance(data.getClass().getComponentType(), n);
        int j = 0;
        for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
            Array.set(out, j++, Array.get(data, i));
        }
        return out;
    }

    private static void rewrite(Path file, Object data, int[] shape) throws IOException {
        Files.delete(file);
        if (data instanceof float[] f) {
            Npy.write(file, f, shape);
        } else if (data instanceof int[] i) {
            Npy.write(file, i, shape);
        } else {
            Npy.write(file, (long[]) data, shape);
        }
    }

    private static ObjectNode withChecksums(ObjectNode json, Path dir, Set<String> files) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (String name : files) {
            sums.put(name, Sha256.hex(dir.resolve(name)));
        }
        json.set("files", JSON.valueToTree(sums));
        return json;
    }
}

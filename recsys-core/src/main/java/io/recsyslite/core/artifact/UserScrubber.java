package io.recsyslite.core.artifact;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Removes every trace of some users from a saved model directory (GDPR erasure), whatever the
 * algorithm, by the artifact naming convention every provider follows:
 * <ul>
 *   <li>{@code users.json}: the user's id is replaced by a tombstone, so dense ints stay stable;</li>
 *   <li>a CSR whose name is {@code seen} or starts with {@code user_} ({@code NAME_indptr.npy} with
 *       one entry per user plus one, and sibling {@code NAME_*.npy} arrays of the entry count):
 *       the user's row is emptied;</li>
 *   <li>any other array whose name starts with {@code user_} has one row per user: the row is zeroed.</li>
 * </ul>
 * The rewritten model gets fresh checksums and replaces the old one atomically; what earlier saves
 * left behind in or beside the directory (older versions, crash leftovers) is removed, since it
 * may hold the users too.
 */
public final class UserScrubber {
    /** Prefix of the ids that replace erased users in users.json. */
    public static final String TOMBSTONE_PREFIX = "\u0000erased-user-";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UserScrubber() {
    }

    /**
     * Erases the given users from the model in {@code dir}.
     *
     * @return the ids that were in the model (and are now erased); empty when nothing changed
     */
    public static Set<String> forget(Path dir, Set<String> userIds) throws IOException {
        ModelArtifacts.verify(dir); // before locking, which would create a missing directory
        try (ModelDirectory locked = ModelDirectory.lock(dir)) {
            return forget(locked, dir, userIds);
        }
    }

    private static Set<String> forget(ModelDirectory locked, Path dir, Set<String> userIds) throws IOException {
        ModelManifest manifest = ModelArtifacts.verify(dir);
        Path current = ModelDirectory.filesOf(dir, manifest);
        List<String> users = JSON.readValue(current.resolve("users.json").toFile(), new TypeReference<List<String>>() { });
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
            List<String> csrMembers = scrubUserCsrs(version, manifest.files().keySet(), users.size(), rows);
            for (String name : manifest.files().keySet()) {
                if (name.startsWith("user_") && name.endsWith(".npy") && !csrMembers.contains(name)) {
                    zeroRows(version.resolve(name), users.size(), rows);
                }
            }
            return withChecksums(json, version, manifest.files().keySet());
        }, ModelDirectory.Steps.NONE);
        return erased;
    }

    /** Empties the erased users' rows of every per-user CSR; returns the files that belong to one. */
    private static List<String> scrubUserCsrs(Path dir, Set<String> files, int numUsers, BitSet rows) throws IOException {
        List<String> members = new ArrayList<>();
        for (String name : files) {
            if (!name.endsWith("_indptr.npy")) {
                continue;
            }
            String prefix = name.substring(0, name.length() - "indptr.npy".length());
            if (!prefix.equals("seen_") && !prefix.startsWith("user_")) {
                continue;
            }
            int[] indptr = (int[]) Npy.read(dir.resolve(name)).data();
            if (indptr.length != numUsers + 1) {
                continue;
            }
            members.add(name);
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
        }
        return members;
    }

    private static void zeroRows(Path file, int numUsers, BitSet rows) throws IOException {
        Npy.Array a = Npy.read(file);
        if (a.shape().length == 0 || a.shape()[0] != numUsers) {
            throw new IOException(file.getFileName() + " is named user_* but does not have one row per user");
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

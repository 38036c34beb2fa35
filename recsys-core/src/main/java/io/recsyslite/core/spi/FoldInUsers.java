package io.recsyslite.core.spi;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The model data after a fold-in: new user ids appended, the folded-in users' seen rows replaced
 * by their updated rows, everything else shared with the old model.
 *
 * @param data  the merged ids and seen interactions
 * @param users the dense int of each folded-in user, in the order given
 */
public record FoldInUsers(ModelData data, int[] users) {

    public static FoldInUsers merge(ModelData old, List<String> userIds, CsrMatrix rows) {
        if (rows.rows() != userIds.size()) {
            throw new InvalidParameterException("fold-in got " + userIds.size() + " user ids but "
                    + rows.rows() + " rows");
        }
        if (rows.cols() != old.items().size()) {
            throw new InvalidParameterException("fold-in rows have " + rows.cols() + " item columns, the model has "
                    + old.items().size() + " items");
        }
        Set<String> distinct = new HashSet<>();
        List<String> ids = new ArrayList<>(old.users().ids());
        int[] users = new int[userIds.size()];
        for (int r = 0; r < users.length; r++) {
            String id = userIds.get(r);
            if (!distinct.add(id)) {
                throw new InvalidParameterException("fold-in user id '" + id + "' is given twice");
            }
            int u = old.users().indexOf(id);
            if (u < 0) {
                u = ids.size();
                ids.add(id);
            }
            users[r] = u;
        }
        int numUsers = ids.size();
        int[] rowOfUser = new int[numUsers];
        Arrays.fill(rowOfUser, -1);
        for (int r = 0; r < users.length; r++) {
            rowOfUser[users[r]] = r;
        }
        CsrMatrix seen = old.seen();
        int[] indptr = new int[numUsers + 1];
        for (int u = 0; u < numUsers; u++) {
            int len = rowOfUser[u] >= 0 ? rows.rowLength(rowOfUser[u]) : seen.rowLength(u);
            indptr[u + 1] = indptr[u] + len;
        }
        int[] indices = new int[indptr[numUsers]];
        float[] values = new float[indices.length];
        for (int u = 0; u < numUsers; u++) {
            CsrMatrix src = rowOfUser[u] >= 0 ? rows : seen;
            int row = rowOfUser[u] >= 0 ? rowOfUser[u] : u;
            int q = indptr[u];
            for (int p = src.start(row); p < src.end(row); p++, q++) {
                indices[q] = src.col(p);
                values[q] = src.value(p);
            }
        }
        CsrMatrix merged = new CsrMatrix(numUsers, seen.cols(), indptr, indices, values);
        return new FoldInUsers(new ModelData(IdIndex.of(ids), old.items(), merged), users);
    }
}

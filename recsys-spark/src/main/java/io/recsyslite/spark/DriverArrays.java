package io.recsyslite.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Brings per-row vectors from the cluster to the driver as the flat arrays the artifact stores. */
final class DriverArrays {
    private DriverArrays() {
    }

    /**
     * Collects an (id int, vector array&lt;float&gt;) frame into a {@code rows x dim} row-major array,
     * streaming one partition at a time; ids without a row stay zero.
     */
    static float[] collectRows(Dataset<Row> vectors, int rows, int dim) {
        float[] out = new float[rows * dim];
        Iterator<Row> it = vectors.toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            int id = r.getInt(0);
            List<Object> v = r.getList(1);
            for (int d = 0; d < dim; d++) {
                out[id * dim + d] = ((Number) v.get(d)).floatValue();
            }
        }
        return out;
    }
}

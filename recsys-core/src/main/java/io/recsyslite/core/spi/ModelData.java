package io.recsyslite.core.spi;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.TrainingData;
import java.io.IOException;

/**
 * What every model keeps besides its own parameters: the id indexes and the training
 * interactions (user x item), used to exclude seen items and by history-based models.
 *
 * @param users user ids
 * @param items item ids
 * @param seen  training confidences, users x items
 */
public record ModelData(IdIndex users, IdIndex items, CsrMatrix seen) {
    public ModelData {
        if (seen.rows() != users.size() || seen.cols() != items.size()) {
            throw new IllegalArgumentException("seen matrix " + seen + " does not match "
                    + users.size() + " users x " + items.size() + " items");
        }
    }

    public static ModelData of(TrainingData data) {
        return new ModelData(data.users(), data.items(), data.interactions().userItems());
    }

    public static ModelData read(ArtifactReader in) throws IOException {
        return new ModelData(in.ids("users"), in.ids("items"), in.csr("seen"));
    }

    public void write(ArtifactWriter out) throws IOException {
        out.putIds("users", users);
        out.putIds("items", items);
        out.putUserCsr("seen", seen);
    }
}

package io.recsyslite.internal.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.internal.tuning.Trial;
import io.recsyslite.core.internal.tuning.TrialState;
import io.recsyslite.core.internal.tuning.TrialStorage;
import io.recsyslite.internal.store.StoreAccess;
import io.recsyslite.internal.store.StoreSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * Trials in the store's DuckDB table {@code tuning_trials}.
 * Each trial is inserted, and committed, as it finishes. Params and intermediate values are JSON;
 * times are UTC. Not thread-safe: one study at a time.
 */
public final class DuckDbTrialStorage implements TrialStorage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;

    private DuckDbTrialStorage(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute(StoreSchema.TUNING_TRIALS);
        }
    }

    /**
     * Trials in the store, which {@code store} opens only for each read or write (waiting while
     * another process holds it), so a serving process sharing the store works between trials.
     */
    public static TrialStorage inStore(StoreAccess store) {
        return new TrialStorage() {
            @Override
            public List<Trial> load(String study) {
                return reach(store, s -> s.inTransaction(conn -> using(conn).load(study)));
            }

            @Override
            public void save(String study, Trial trial) {
                reach(store, s -> s.inTransaction(conn -> {
                    using(conn).save(study, trial);
                    return null;
                }));
            }
        };
    }

    private static <T> T reach(StoreAccess store, StoreAccess.Work<T> work) {
        try {
            return store.withStore(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trials through a connection the caller owns (the store's, in a transaction). */
    public static DuckDbTrialStorage using(Connection connection) {
        try {
            return new DuckDbTrialStorage(connection);
        } catch (SQLException e) {
            throw new RecsysException("cannot create table tuning_trials: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Trial> load(String study) {
        List<Trial> trials = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT trial, state, value, params, intermediate, "
                + "error, started_at, finished_at FROM tuning_trials WHERE study = ? ORDER BY trial")) {
            q.setString(1, study);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble(3);
                    trials.add(new Trial(rs.getInt(1), TrialState.valueOf(rs.getString(2)),
                            rs.wasNull() ? Double.NaN : value,
                            JSON.readValue(rs.getString(4), new TypeReference<LinkedHashMap<String, Object>>() { }),
                            JSON.readValue(rs.getString(5), new TypeReference<TreeMap<Integer, Double>>() { }),
                            rs.getString(6),
                            rs.getObject(7, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getObject(8, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
                }
            }
        } catch (SQLException | JsonProcessingException | IllegalArgumentException e) {
            throw new RecsysException("cannot read the trials of study '" + study + "' from tuning_trials: "
                    + e.getMessage(), e);
        }
        return trials;
    }

    @Override
    public void save(String study, Trial trial) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tuning_trials VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, study);
            insert.setInt(2, trial.number());
            insert.setString(3, trial.state().name());
            if (Double.isNaN(trial.value())) {
                insert.setNull(4, Types.DOUBLE);
            } else {
                insert.setDouble(4, trial.value());
            }
            insert.setString(5, JSON.writeValueAsString(trial.params()));
            insert.setString(6, JSON.writeValueAsString(trial.intermediate()));
            insert.setString(7, trial.error());
            insert.setObject(8, LocalDateTime.ofInstant(trial.startedAt(), ZoneOffset.UTC));
            insert.setObject(9, LocalDateTime.ofInstant(trial.finishedAt(), ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new RecsysException("cannot store trial " + trial.number() + " of study '" + study
                    + "' in tuning_trials: " + e.getMessage(), e);
        }
    }

}

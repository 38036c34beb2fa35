package io.recsyslite.internal.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction on a connection: commit on success, roll back on any failure. */
final class Transactions {
    /** Work that may throw SQL errors. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private Transactions() {
    }

    static <T> T run(Connection conn, Work<T> work) throws SQLException {
        conn.setAutoCommit(false);
        try {
            T result = work.run();
            conn.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                conn.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }
}

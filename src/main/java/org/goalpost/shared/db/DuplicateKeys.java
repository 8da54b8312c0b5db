package org.goalpost.shared.db;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Tells a unique-key violation apart from other integrity errors, on MySQL, MariaDB and H2 alike. */
public final class DuplicateKeys {

    private static final int MYSQL_DUPLICATE_ENTRY = 1062;
    private static final String SQLSTATE_UNIQUE_VIOLATION = "23505";

    private DuplicateKeys() {}

    public static boolean isDuplicateKey(DataAccessException failure) {
        if (failure instanceof DuplicateKeyException) {
            return true;
        }
        if (!(failure instanceof DataIntegrityViolationException)) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (sql.getErrorCode() == MYSQL_DUPLICATE_ENTRY
                            || SQLSTATE_UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Runs an insert; answers false instead of failing when the row's unique key is already taken. */
    public static boolean insertUnlessPresent(Runnable insert) {
        try {
            insert.run();
            return true;
        } catch (DataIntegrityViolationException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }
}

package org.goalpost.testing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A database server the tests run against: its JDBC URL (whose database name is a prefix) and credentials. */
public record DbTarget(String url, String username, String password) {

    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/]+/)([^?;]*)(\\?.*)?$");

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** {@code mariadb} or {@code mysql} (the URL kind, hence the driver), or {@code h2}. */
    public String kind() {
        return url.substring(5, url.indexOf(':', 5)).toLowerCase(Locale.ROOT);
    }

    String databaseName() {
        if (isH2()) {
            return url.substring("jdbc:h2:mem:".length()).replaceFirst(";.*$", "");
        }
        Matcher m = matcher();
        return m.group(2).isEmpty() ? "goalpost_test" : m.group(2);
    }

    /** The same server and driver, another database. */
    DbTarget withDatabase(String database) {
        if (isH2()) {
            return new DbTarget(
                    "jdbc:h2:mem:" + database
                            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    username,
                    password);
        }
        Matcher m = matcher();
        return new DbTarget(m.group(1) + database + (m.group(3) == null ? "" : m.group(3)), username, password);
    }

    /** The server without a database, to create one. */
    String serverUrl() {
        Matcher m = matcher();
        return m.group(1) + (m.group(3) == null ? "" : m.group(3));
    }

    private Matcher matcher() {
        Matcher m = SERVER_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("GOALPOST_TEST_DB_URL must look like jdbc:mariadb://host:port/prefix or "
                    + "jdbc:mysql://host:port/prefix, not " + url);
        }
        return m;
    }

    @Override
    public String toString() {
        return kind();
    }
}

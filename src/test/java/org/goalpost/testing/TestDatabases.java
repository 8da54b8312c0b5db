package org.goalpost.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the database tests run. {@code GOALPOST_TEST_DB_URL} names one or more servers
 * (comma-separated JDBC URLs, e.g. the same MariaDB through {@code jdbc:mariadb://} and
 * {@code jdbc:mysql://}); their database name is a prefix, and every test context gets a fresh
 * database of its own under it. A named server that cannot be reached fails the tests: there is
 * no silent fallback. Without the variable the suite runs on H2 in MySQL mode, and says so loudly.
 */
public final class TestDatabases {

    public static final String URL_VARIABLE = "GOALPOST_TEST_DB_URL";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ConcurrentHashMap<String, Boolean> ANNOUNCED = new ConcurrentHashMap<>();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    private TestDatabases() {}

    /** Every named server, or H2 when none is named. */
    public static List<DbTarget> targets() {
        String urls = System.getenv(URL_VARIABLE);
        String username = env("GOALPOST_TEST_DB_USERNAME", "goalpost");
        String password = env("GOALPOST_TEST_DB_PASSWORD", "goalpost");
        if (urls == null || urls.isBlank()) {
            return List.of(new DbTarget("jdbc:h2:mem:goalpost", "sa", ""));
        }
        return Arrays.stream(urls.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(url -> new DbTarget(url, username, password))
                .toList();
    }

    /** The first named server (or H2): where the application tests run. */
    public static DbTarget primary() {
        return targets().get(0);
    }

    /** Creates a new, empty database on the target's server and returns the target pointing at it. */
    public static DbTarget fresh(DbTarget base, String purpose) {
        String name = (base.isH2() ? "goalpost" : base.databaseName()) + "_" + purpose + "_" + RUN + "_"
                + COUNTER.incrementAndGet();
        DbTarget target = base.withDatabase(name);
        if (!base.isH2()) {
            try (Connection c = DriverManager.getConnection(base.serverUrl(), base.username(), base.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "The test database server named by " + URL_VARIABLE + " (" + base.url() + ") cannot be used: "
                                + e.getMessage(),
                        e);
            }
        }
        announce(target);
        return target;
    }

    /** Prints, once per server and driver, what the database tests really run against. */
    static void announce(DbTarget target) {
        String description = describe(target);
        if (ANNOUNCED.putIfAbsent(target.kind() + description, Boolean.TRUE) != null) {
            return;
        }
        String line = "=".repeat(100);
        if (target.isH2()) {
            System.out.println("\n" + line + "\n!!! " + URL_VARIABLE
                    + " IS NOT SET: THE DATABASE TESTS RUN ON H2 IN MYSQL MODE, NOT ON A REAL "
                    + "MYSQL OR MARIADB SERVER.\n!!! " + description + "\n!!! Set " + URL_VARIABLE
                    + "=jdbc:mariadb://127.0.0.1:3306/goalpost_test (see .ci/run) to test against a server.\n" + line
                    + "\n");
        } else {
            System.out.println("\n" + line + "\nDATABASE TESTS RUN AGAINST: " + description + "\n" + line + "\n");
        }
    }

    /** {@code MariaDB 10.11.19 via MariaDB Connector/J 3.5.8 (jdbc:mariadb://...)}. */
    public static String describe(DbTarget target) {
        try (Connection c = DriverManager.getConnection(target.url(), target.username(), target.password())) {
            DatabaseMetaData md = c.getMetaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion() + " via " + md.getDriverName()
                    + " " + md.getDriverVersion() + " (" + target.url() + ")";
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot connect to the test database " + target.url() + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

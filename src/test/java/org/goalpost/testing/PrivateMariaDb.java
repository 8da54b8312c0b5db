package org.goalpost.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own (the machine's {@code mariadbd} on a private data directory
 * and port), so that a test may crash and restart it without touching the shared server. Empty
 * root password over TCP on 127.0.0.1; everything lives under {@code target/}.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");

    private final Path dir;
    private final int port;
    private Process process;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Whether this machine can run one (Debian's MariaDB server package). */
    public static boolean available() {
        return Files.isExecutable(MARIADBD) && Files.isExecutable(INSTALL_DB);
    }

    /** Initialises a data directory under {@code target/} and starts the server on a free port. */
    public static PrivateMariaDb start() throws Exception {
        Path dir = Files.createTempDirectory(
                Files.createDirectories(Path.of("target")).toAbsolutePath(), "private-mariadb-");
        List<String> install = new ArrayList<>(List.of(
                INSTALL_DB.toString(),
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        asRootIfRoot(install);
        run(install, dir.resolve("install.log"), Duration.ofSeconds(60));
        PrivateMariaDb server = new PrivateMariaDb(dir, freePort());
        server.startServer();
        return server;
    }

    public int port() {
        return port;
    }

    public String url(String scheme, String database) {
        return "jdbc:" + scheme + "://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database (root, empty password). */
    public void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("mariadb", ""), "root", "")) {
            c.createStatement()
                    .execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** The server dies at once, as on a crash or a power cut (SIGKILL): no clean shutdown. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the server again on the same data directory and port; returns once it takes connections. */
    public void startServer() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                MARIADBD.toString(),
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"),
                "--innodb-buffer-pool-size=32M",
                "--skip-log-bin"));
        asRootIfRoot(command);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("server.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited; see " + dir.resolve("server.log"));
            }
            try (Connection ignored = DriverManager.getConnection(url("mariadb", ""), "root", "")) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException(
                "mariadbd did not take connections within 60 s; see " + dir.resolve("server.log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** mariadbd refuses to run as root unless told to. */
    private static void asRootIfRoot(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
    }

    private static void run(List<String> command, Path log, Duration limit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.goalpost.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.goalpost.GoalpostApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's beans (no web server) on a fresh database of one test server, one context per
 * server and driver, shared by the database suite. Tests isolate themselves by creating their own
 * campaigns.
 */
public final class DbSuite {

    private static final Map<String, ConfigurableApplicationContext> CONTEXTS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> CONTEXTS.values().forEach(ConfigurableApplicationContext::close)));
    }

    private DbSuite() {}

    public static ConfigurableApplicationContext app(DbTarget server) {
        return CONTEXTS.computeIfAbsent(server.url(), url -> start(server));
    }

    public static <T> T bean(DbTarget server, Class<T> type) {
        return app(server).getBean(type);
    }

    private static ConfigurableApplicationContext start(DbTarget server) {
        DbTarget target = TestDatabases.fresh(server, "suite_" + server.kind());
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GoalpostApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + target.url(),
                        "--spring.datasource.username=" + target.username(),
                        "--spring.datasource.password=" + target.password(),
                        "--spring.datasource.hikari.maximum-pool-size=40",
                        "--spring.datasource.hikari.minimum-idle=2",
                        "--spring.datasource.hikari.idle-timeout=10000",
                        "--goalpost.demo.enabled=false",
                        "--spring.main.banner-mode=off");
        requireConnectedTo(context, target);
        return context;
    }

    /** Guards against a context that quietly took another database than the one asked for. */
    private static void requireConnectedTo(ConfigurableApplicationContext context, DbTarget target) {
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            String database = connection.getCatalog();
            if (!target.databaseName().equalsIgnoreCase(database)) {
                context.close();
                throw new IllegalStateException(
                        "The test context is connected to database " + database + ", not to " + target.url());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

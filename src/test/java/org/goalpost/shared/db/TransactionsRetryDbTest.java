package org.goalpost.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.goalpost.testing.DbSuite;
import org.goalpost.testing.DbTarget;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real deadlock on the real server: two units of work lock two rows in opposite orders. The
 * database rolls one back; {@link Transactions} runs that unit again, and both complete with every
 * change applied exactly once.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.goalpost.testing.TestDatabases#targets")
@SlowTest
class TransactionsRetryDbTest {

    @Parameter
    DbTarget db;

    @Test
    void aDeadlockVictimIsRunAgainAndNothingIsAppliedTwice() throws Exception {
        JdbcClient jdbc = DbSuite.bean(db, JdbcClient.class);
        Transactions transactions = DbSuite.bean(db, Transactions.class);
        jdbc.sql("CREATE TABLE IF NOT EXISTS retry_probe (id INT PRIMARY KEY, n INT NOT NULL)")
                .update();
        jdbc.sql("DELETE FROM retry_probe").update();
        jdbc.sql("INSERT INTO retry_probe (id, n) VALUES (1, 0), (2, 0)").update();

        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> units = List.of(
                    pool.submit(() ->
                            transactions.inTransaction(() -> crossing(jdbc, 1, 2, bothHoldTheirFirstRow, attempts))),
                    pool.submit(() ->
                            transactions.inTransaction(() -> crossing(jdbc, 2, 1, bothHoldTheirFirstRow, attempts))));
            for (Future<?> unit : units) {
                unit.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "TransactionsRetryDbTest [%s]: 2 crossing units completed in %d attempts%n", db, attempts.get());
        assertThat(attempts.get())
                .as("one unit was the deadlock's victim and ran again")
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT n FROM retry_probe ORDER BY id")
                        .query(Integer.class)
                        .list())
                .containsExactly(2, 2);
    }

    /**
     * Locks {@code first}, waits (on the first attempts only) until the other unit holds its first row, then
     * locks {@code second}.
     */
    private static void crossing(
            JdbcClient jdbc, int first, int second, CyclicBarrier barrier, AtomicInteger attempts) {
        int attempt = attempts.incrementAndGet();
        jdbc.sql("UPDATE retry_probe SET n = n + 1 WHERE id = ?").param(first).update();
        if (attempt <= 2) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        jdbc.sql("UPDATE retry_probe SET n = n + 1 WHERE id = ?").param(second).update();
    }
}

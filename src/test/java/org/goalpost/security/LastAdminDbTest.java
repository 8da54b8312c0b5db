package org.goalpost.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.testing.DbSuite;
import org.goalpost.testing.DbTarget;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The last enabled admin stays, even when two admins demote each other at the same moment: on each
 * test server and driver, 20 races of two concurrent demotions leave exactly one admin every time.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.goalpost.testing.TestDatabases#targets")
@SlowTest
class LastAdminDbTest {

    @Parameter
    DbTarget db;

    @Test
    void twoConcurrentDemotionsNeverLeaveNoAdmin() throws Exception {
        StaffUsers users = DbSuite.bean(db, StaffUsers.class);
        JdbcClient jdbc = DbSuite.bean(db, JdbcClient.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                jdbc.sql("UPDATE staff_user SET enabled = FALSE WHERE role = 'ADMIN'")
                        .update();
                List<Long> admins = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@newsroom.test";
                    users.create(email, "Admin", "Steady-lynx-paints-" + round + "-fences", "admin");
                    admins.add(users.all().stream()
                            .filter(u -> u.email().equals(email))
                            .findFirst()
                            .orElseThrow()
                            .id());
                }
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> demotions = new ArrayList<>();
                for (long id : admins) {
                    demotions.add(pool.submit(() -> {
                        together.await();
                        try {
                            users.update(id, "Admin", "staff", true, null);
                            return true;
                        } catch (InvalidInputException e) {
                            return false;
                        }
                    }));
                }
                int done = 0;
                for (Future<Boolean> demotion : demotions) {
                    done += demotion.get() ? 1 : 0;
                }
                assertThat(done)
                        .as("round %d: one demotion passes, the other is refused", round)
                        .isEqualTo(1);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_user WHERE role = 'ADMIN' AND enabled = TRUE")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

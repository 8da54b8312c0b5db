package org.goalpost.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test for the integration phase, not the fast loop: chaos, fuzzing, concurrency, several
 * instances, a database restart, real browsers, the packaged jar. {@code ./mvnw test} leaves them
 * out (surefire); {@code ./mvnw verify} runs them after the jar is built (failsafe).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(SlowTest.TAG)
public @interface SlowTest {

    String TAG = "slow";
}

package org.goalpost.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import org.goalpost.GoalpostApplication;
import org.goalpost.payment.testgateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/** The prod profile refuses to start without its secrets, and the test gateway never runs there. */
class ProductionGuardTest {

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void withoutItsSecretsTheProdProfileDoesNotStart() {
        assertThatThrownBy(() -> SpringApplication.run(
                        GoalpostApplication.class,
                        "--spring.profiles.active=prod",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:prod-guard;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                        "--goalpost.stripe.secret-key=",
                        "--goalpost.stripe.webhook-secret="))
                .satisfies(failure -> assertThat(rootCause(failure))
                        .hasMessage("The prod profile needs STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, "
                                + "GOALPOST_PUBLIC_URL in the environment; refusing to start."));
    }

    @Test
    void aModeThatContradictsTheKeyIsRefusedInProduction() {
        assertThatThrownBy(() -> SpringApplication.run(
                        GoalpostApplication.class,
                        "--spring.profiles.active=prod",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:prod-guard-2;MODE=MySQL;DATABASE_TO_LOWER=TRUE",
                        "--goalpost.stripe.secret-key=sk_test_abc",
                        "--goalpost.stripe.webhook-secret=whsec_test_x",
                        "--goalpost.payments.public-url=https://give.example.org",
                        "--goalpost.mode=live"))
                .satisfies(failure ->
                        assertThat(rootCause(failure)).hasMessageContaining("contradicts STRIPE_SECRET_KEY"));
    }

    @Test
    void theTestGatewayCannotBeMadeInProduction() {
        FeeModel fees = new FeeModel(new BigDecimal("2.9"), new BigDecimal("0.30"));
        assertThatThrownBy(() -> new TestGateway(fees, Clock.systemUTC(), true))
                .hasMessageContaining("cannot run in production");
        assertThat(new TestGateway(fees, Clock.systemUTC(), false).name()).isEqualTo("test");
    }
}

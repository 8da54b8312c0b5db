package org.goalpost.payment;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many checkouts may be opened per minute: from one client address ({@code checkoutPerIp}) and
 * from everybody together ({@code checkoutGlobal}); {@code 0} turns a limit off.
 */
@Validated
@ConfigurationProperties("goalpost.rate-limit")
record RateLimitProperties(
        @DefaultValue("3") @PositiveOrZero int checkoutPerIp,
        @DefaultValue("600") @PositiveOrZero int checkoutGlobal) {}

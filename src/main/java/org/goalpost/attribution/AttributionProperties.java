package org.goalpost.attribution;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Views and clicks: how many beacons one client address may send per minute ({@code viewsPerIp}, {@code 0}: no
 * limit; more are answered but not counted) and how often the counts in memory are written ({@code flushEvery}).
 */
@Validated
@ConfigurationProperties("goalpost.attribution")
record AttributionProperties(
        @DefaultValue("120") @PositiveOrZero int viewsPerIp,
        @DefaultValue("5s") Duration flushEvery) {}

package org.goalpost.shared.mode;

import java.util.Locale;

/**
 * Whether the app as a whole runs on test money (like Stripe's test mode) or live money. Public
 * numbers count only the money of the app's mode; in test mode every page says so.
 */
public enum AppMode {
    TEST,
    LIVE;

    public boolean isLive() {
        return this == LIVE;
    }

    /** True when money recorded with Stripe's {@code livemode} flag belongs to this mode. */
    public boolean counts(boolean livemode) {
        return livemode == isLive();
    }

    public static AppMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "test" -> TEST;
            case "live" -> LIVE;
            default ->
                throw new IllegalArgumentException("goalpost.mode must be 'test' or 'live', not '" + value + "'");
        };
    }
}

package org.goalpost.shared.health;

import java.util.List;

/**
 * A module's invariants over its stored data (rows that must agree, never exist, or never wait
 * too long). Each module that owns such data provides one; the {@code health} module runs them all
 * on a schedule and on demand, and reports them as a health indicator and metrics.
 */
public interface InvariantCheck {

    /** One invariant and how many rows break it now (0: it holds). */
    record Outcome(String invariant, String description, long violations) {

        public boolean holds() {
            return violations == 0;
        }
    }

    List<Outcome> check();
}

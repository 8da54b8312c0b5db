package org.goalpost.testing;

/**
 * The seed of a randomised test: a fixed one by default, so that a run is repeatable;
 * {@code -Dgoalpost.test.seed=random} asks for a fresh one, {@code -Dgoalpost.test.seed=N} for N.
 * CI passes a fresh seed and prints it; every test prints the seed it used and how to rerun it.
 */
public final class TestSeeds {

    /** The seed used when none is asked for. */
    public static final long FIXED = 20_261_202L;

    private TestSeeds() {}

    public static long seed(String test) {
        String asked = System.getProperty("goalpost.test.seed", "");
        long seed = asked.isBlank()
                ? FIXED
                : asked.strip().equals("random") ? System.nanoTime() : Long.parseLong(asked.strip());
        System.out.println(test + " seed=" + seed + " (rerun with -Dgoalpost.test.seed=" + seed + ")");
        return seed;
    }
}

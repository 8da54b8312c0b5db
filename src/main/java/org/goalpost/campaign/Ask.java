package org.goalpost.campaign;

import java.util.List;
import java.util.Map;

/**
 * What a campaign's donate form asks for, as staff set it: per frequency ({@code once}, {@code month}, {@code year})
 * up to {@link AskRules#MAX_AMOUNTS} amounts, each with an optional impact line ("Pays for a court report") and one of
 * them preselected; an optional headline over the form; an optional accent colour ({@code #rrggbb}) that
 * {@link AskRules} keeps readable. A frequency without amounts takes the configured defaults (see
 * {@code DonationPolicy#ask}). While an experiment runs ({@code experiment}, else null), readers are shown one of its
 * variants at random by share. Immutable; {@link #NONE} is a campaign whose staff set nothing.
 */
public record Ask(String headline, String accent, Map<String, List<AskAmount>> amounts, AskExperiment experiment) {

    public static final Ask NONE = new Ask(null, null, Map.of());

    public Ask {
        amounts = Map.copyOf(amounts);
    }

    /** An ask without an experiment running. */
    public Ask(String headline, String accent, Map<String, List<AskAmount>> amounts) {
        this(headline, accent, amounts, null);
    }

    /** The same ask with this experiment running (null: none). */
    public Ask running(AskExperiment running) {
        return new Ask(headline, accent, amounts, running);
    }

    /** One amount on a button: minor units of the campaign's currency, its impact line (or null). */
    public record AskAmount(long amountMinor, String impact, boolean preselected) {}

    /** The amounts staff set for a frequency, in order; empty when they set none. */
    public List<AskAmount> amounts(String frequency) {
        return amounts.getOrDefault(frequency, List.of());
    }
}

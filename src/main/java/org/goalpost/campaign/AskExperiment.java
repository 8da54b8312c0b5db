package org.goalpost.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A test of a campaign's ask (issue 13): two to four variants, each a set of amounts per frequency (one preselected),
 * the frequency offered first and an optional headline, shown to readers at random by their shares (in percent, 100
 * in all). {@code state}: {@code RUNNING}, {@code STOPPED} (every reader sees the campaign's own ask again) or
 * {@code ENDED} (its {@code winner} became the campaign's ask). The variant a reader saw travels with their click and
 * checkout as its {@link #tag}, so the attribution report by variant measures it.
 */
public record AskExperiment(
        long id,
        long campaignId,
        String name,
        String state,
        Instant startedAt,
        Instant stoppedAt,
        Instant endedAt,
        String winner,
        List<Variant> variants) {

    public static final String RUNNING = "RUNNING";
    public static final String STOPPED = "STOPPED";
    public static final String ENDED = "ENDED";

    /** One variant: its key ({@code a}, {@code b}), share, headline (or null), first frequency and amounts. */
    public record Variant(
            String key,
            int sharePercent,
            String headline,
            String defaultInterval,
            Map<String, List<Ask.AskAmount>> amounts) {

        /**
         * The ask a reader shown this variant sees, over the campaign's own: the variant's amounts with the impact
         * lines the campaign's ask has for the same amounts, the campaign's own amounts for frequencies the variant
         * leaves empty, the variant's headline (else the campaign's) and the campaign's accent colour.
         */
        public Ask over(Ask own) {
            Map<String, List<Ask.AskAmount>> merged = new java.util.LinkedHashMap<>(own.amounts());
            amounts.forEach((frequency, list) -> merged.put(
                    frequency,
                    list.stream()
                            .map(a -> new Ask.AskAmount(
                                    a.amountMinor(),
                                    own.amounts(frequency).stream()
                                            .filter(o -> o.amountMinor() == a.amountMinor())
                                            .map(Ask.AskAmount::impact)
                                            .findFirst()
                                            .orElse(null),
                                    a.preselected()))
                            .toList()));
            return new Ask(headline != null ? headline : own.headline(), own.accent(), merged);
        }
    }

    public boolean running() {
        return RUNNING.equals(state);
    }

    /** The variant a share of 0 to 99 falls in (the first variant's share first). */
    public Variant pick(int percentile) {
        int upTo = 0;
        for (Variant v : variants) {
            upTo += v.sharePercent();
            if (percentile < upTo) {
                return v;
            }
        }
        return variants.get(variants.size() - 1);
    }

    public java.util.Optional<Variant> variant(String key) {
        return variants.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /**
     * What readers' views, clicks and checkouts carry for a variant: {@code e12-b}, the experiment's id and the
     * variant's key, so that two experiments of a campaign never mix their figures, even on the same day.
     */
    public String tag(Variant variant) {
        return "e" + id + "-" + variant.key();
    }

    /** The variant a tag names, if it is one of this experiment's. */
    public java.util.Optional<Variant> tagged(String tag) {
        return variants.stream().filter(v -> tag(v).equals(tag)).findFirst();
    }
}

package org.goalpost.campaign;

import java.util.List;
import java.util.Map;

/** An experiment as staff asked for it, before {@link ExperimentRules} checked it. */
public record ExperimentDraft(String name, List<VariantDraft> variants) {

    /** A variant as typed: its key, share in percent, headline, first frequency and amounts per frequency. */
    public record VariantDraft(
            String key,
            Integer sharePercent,
            String headline,
            String defaultInterval,
            Map<String, List<AskDraft.AmountDraft>> amounts) {}
}

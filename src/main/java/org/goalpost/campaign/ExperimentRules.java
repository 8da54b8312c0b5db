package org.goalpost.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.goalpost.shared.text.PlainText;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;

/**
 * What a valid experiment is: a name (one plain line, at most 100 characters); two to four variants with different
 * keys (1 to 16 lower-case letters, digits or {@code -}), shares from 1 to 99 percent adding up to 100, a first
 * frequency ({@code once}, {@code month}, {@code year}) and amounts that {@link AskRules} accepts; a frequency a
 * variant leaves empty offers the campaign's own amounts (a test of headlines or first frequencies alone).
 */
public final class ExperimentRules {

    public static final int MIN_VARIANTS = 2;
    public static final int MAX_VARIANTS = 4;
    private static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,16}");

    private ExperimentRules() {}

    static List<AskExperiment.Variant> check(ExperimentDraft draft, long minimumMinor, long maximumMinor) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = draft.name() == null ? null : draft.name().strip();
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > 100 || !PlainText.isLine(name)) {
            problems.add(new FieldProblem("name", "use one line of at most 100 characters"));
        }
        List<ExperimentDraft.VariantDraft> given = draft.variants() == null ? List.of() : draft.variants();
        if (given.size() < MIN_VARIANTS || given.size() > MAX_VARIANTS) {
            problems.add(new FieldProblem("variants", "test 2 to 4 variants"));
        }
        Set<String> keys = new HashSet<>();
        int shares = 0;
        List<AskExperiment.Variant> variants = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ExperimentDraft.VariantDraft v = given.get(i);
            String at = "variants[" + i + "].";
            String key = v.key() == null ? "" : v.key().strip();
            if (!KEY.matcher(key).matches()) {
                problems.add(
                        new FieldProblem(at + "key", "use 1 to 16 lower-case letters, digits or '-', such as 'b'"));
            } else if (!keys.add(key)) {
                problems.add(new FieldProblem(at + "key", "is used by another variant"));
            }
            int share = v.sharePercent() == null ? 0 : v.sharePercent();
            if (share < 1 || share > 99) {
                problems.add(new FieldProblem(at + "sharePercent", "must be from 1 to 99"));
            }
            shares += share;
            String first =
                    v.defaultInterval() == null ? "once" : v.defaultInterval().strip();
            if (!CampaignRules.INTERVALS.contains(first)) {
                problems.add(new FieldProblem(at + "defaultInterval", "must be 'once', 'month' or 'year'"));
            }
            try {
                Ask ask = AskRules.check(
                        new AskDraft(v.headline(), null, v.amounts() == null ? java.util.Map.of() : v.amounts()),
                        minimumMinor,
                        maximumMinor);
                variants.add(new AskExperiment.Variant(key, share, ask.headline(), first, ask.amounts()));
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(new FieldProblem(at + p.field(), p.message())));
            }
        }
        if (!given.isEmpty() && shares != 100) {
            problems.add(new FieldProblem("variants", "shares add up to " + shares + " percent, not 100"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(variants);
    }
}

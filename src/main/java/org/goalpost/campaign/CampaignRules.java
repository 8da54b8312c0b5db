package org.goalpost.campaign;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.goalpost.shared.money.AmountStyle;
import org.goalpost.shared.money.Currencies;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;

/**
 * The one place that says what a valid campaign is. Every way of creating or changing a
 * campaign (staff forms, the staff API, the demo seed) goes through {@link #check}, which either
 * returns the normalised campaign or names every field that is wrong.
 */
public final class CampaignRules {

    public static final int MAX_TIERS = 20;
    /** How often a donate form may offer to give by default: the words the donate API takes. */
    public static final List<String> INTERVALS = List.of("once", "month", "year");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private final Currencies currencies;

    public CampaignRules(Currencies currencies) {
        this.currencies = currencies;
    }

    /**
     * Checks a draft. {@code slugTaken} answers whether another campaign already has a slug.
     *
     * @throws InvalidInputException naming each field that breaks a rule
     */
    ValidCampaign check(CampaignDraft draft, Predicate<String> slugTaken) {
        List<FieldProblem> problems = new ArrayList<>();
        String slug = trimmed(draft.slug());
        if (slug == null) {
            problems.add(new FieldProblem("slug", "is required"));
        } else if (!SLUG.matcher(slug).matches()) {
            problems.add(new FieldProblem("slug", "use 1 to 64 lower-case letters, digits and inner hyphens"));
        } else if (slugTaken.test(slug)) {
            problems.add(new FieldProblem("slug", "is already used by another campaign"));
        }
        String title = trimmed(draft.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "is required"));
        } else if (title.length() > 200) {
            problems.add(new FieldProblem("title", "is longer than 200 characters"));
        }
        String description = trimmed(draft.description());
        if (description != null && description.length() > 5000) {
            problems.add(new FieldProblem("description", "is longer than 5,000 characters"));
        }
        String currency = trimmed(draft.currency());
        if (currency == null) {
            problems.add(new FieldProblem("currency", "is required"));
        } else if (!currencies.isAllowed(currency)) {
            problems.add(new FieldProblem("currency", "is not a supported ISO 4217 currency: " + currency));
        }
        CampaignStatus status = option(CampaignStatus.class, draft.status(), CampaignStatus.DRAFT, "status", problems);
        PeriodKind period = option(PeriodKind.class, draft.period(), PeriodKind.NONE, "period", problems);
        CountBasis basis = option(CountBasis.class, draft.countBasis(), CountBasis.GROSS, "countBasis", problems);
        AmountStyle style = option(AmountStyle.class, draft.amountStyle(), AmountStyle.LOCALE, "amountStyle", problems);
        ZoneId zone = zone(draft.timeZone(), problems);
        if (draft.startsAt() != null
                && draft.endsAt() != null
                && !draft.endsAt().isAfter(draft.startsAt())) {
            problems.add(new FieldProblem("endsAt", "must be after the start"));
        }
        List<Tier> tiers = tiers(draft.tiers(), problems);
        EmbedOrigins origins = EmbedOrigins.parse(draft.embedOrigins(), problems);
        String interval = trimmed(draft.defaultInterval());
        interval = interval == null ? "once" : interval.toLowerCase(Locale.ROOT);
        if (!INTERVALS.contains(interval)) {
            problems.add(new FieldProblem("defaultInterval", "must be 'once', 'month' or 'year'"));
        }
        String goalWord = trimmed(draft.goalType());
        GoalType goalType =
                goalWord == null ? GoalType.RAISED : GoalType.fromWord(goalWord).orElse(null);
        if (goalType == null) {
            problems.add(new FieldProblem("goalType", "must be 'raised', 'recurring' or 'donors'"));
        }
        String countWord = trimmed(draft.countRecurringAs());
        RecurringCount count = countWord == null
                ? RecurringCount.PAID
                : RecurringCount.fromWord(countWord).orElse(null);
        if (count == null) {
            problems.add(new FieldProblem("countRecurringAs", "must be 'paid' or 'first-year'"));
        } else if (count == RecurringCount.FIRST_YEAR && goalType != null && goalType != GoalType.RAISED) {
            problems.add(new FieldProblem("countRecurringAs", "'first-year' is for goals of money raised"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ValidCampaign(
                slug,
                title,
                description,
                Currencies.parse(currency),
                status,
                draft.startsAt(),
                draft.endsAt(),
                zone,
                period,
                basis,
                style,
                new Tiers(tiers),
                origins,
                interval,
                goalType,
                draft.lateMoneyShown() == null || draft.lateMoneyShown(),
                count);
    }

    private static List<Tier> tiers(List<CampaignDraft.TierDraft> drafts, List<FieldProblem> problems) {
        List<Tier> tiers = new ArrayList<>();
        if (drafts == null || drafts.isEmpty()) {
            problems.add(new FieldProblem("tiers", "at least one tier is required"));
            return tiers;
        }
        if (drafts.size() > MAX_TIERS) {
            problems.add(new FieldProblem("tiers", "at most " + MAX_TIERS + " tiers"));
            return tiers;
        }
        Long previous = null;
        for (int i = 0; i < drafts.size(); i++) {
            CampaignDraft.TierDraft tier = drafts.get(i);
            String field = "tiers[" + i + "]";
            if (tier == null) {
                problems.add(new FieldProblem(field, "is empty"));
                continue;
            }
            Long amount = tier.amountMinor();
            if (amount == null) {
                problems.add(new FieldProblem(field + ".amountMinor", "is required"));
            } else if (amount <= 0) {
                problems.add(new FieldProblem(field + ".amountMinor", "must be above zero"));
            } else if (previous != null && amount <= previous) {
                problems.add(new FieldProblem(field + ".amountMinor", "must be above the tier before it"));
            }
            String label = trimmed(tier.label());
            if (label == null) {
                problems.add(new FieldProblem(field + ".label", "is required"));
            } else if (label.length() > 100) {
                problems.add(new FieldProblem(field + ".label", "is longer than 100 characters"));
            }
            String description = trimmed(tier.description());
            if (description != null && description.length() > 500) {
                problems.add(new FieldProblem(field + ".description", "is longer than 500 characters"));
            }
            if (amount != null && amount > 0) {
                previous = previous == null ? amount : Math.max(previous, amount);
            }
            tiers.add(new Tier(amount == null ? 0 : amount, label, description));
        }
        return tiers;
    }

    private static ZoneId zone(String value, List<FieldProblem> problems) {
        String id = trimmed(value);
        if (id == null) {
            return ZoneId.of("UTC");
        }
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            problems.add(new FieldProblem("timeZone", "is not an IANA time zone such as Europe/Paris: " + id));
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "is not an IANA time zone such as Europe/Paris: " + id));
            return null;
        }
    }

    private static <E extends Enum<E>> E option(
            Class<E> type, String value, E fallback, String field, List<FieldProblem> problems) {
        String name = trimmed(value);
        if (name == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + names(type)));
            return fallback;
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return String.join(", ", names);
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}

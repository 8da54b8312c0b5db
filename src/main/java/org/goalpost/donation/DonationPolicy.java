package org.goalpost.donation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.AskExperiment;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.text.EmailAddresses;
import org.goalpost.shared.text.PlainText;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Whether a donor may give this, now, to this campaign: the campaign takes donations (active
 * and within its dates), the amount is a whole number of minor units within the configured
 * limits, the interval is known, and the texts fit. Checked before anything is written or sent.
 */
@Component
public class DonationPolicy {

    public static final int MAX_MESSAGE = 500;
    public static final int MAX_NAME = 200;

    private final DonationLimits limits;
    private final Clock clock;

    public DonationPolicy(DonationLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public AcceptedDonation check(Campaign campaign, DonationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!campaign.isOpenAt(clock.instant())) {
            problems.add(new FieldProblem("campaign", "this campaign is not taking donations"));
        }
        Money minimum = minimum(campaign);
        Money maximum = maximum(campaign);
        Long amount = request.amountMinor();
        if (amount == null) {
            problems.add(new FieldProblem("amountMinor", "choose or enter an amount"));
        } else if (amount < minimum.minor() || amount > maximum.minor()) {
            problems.add(new FieldProblem("amountMinor", "must be between " + minimum + " and " + maximum));
        }
        DonationInterval interval = interval(request.interval(), problems);
        String name = text(request.name());
        if (name != null && name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "is longer than " + MAX_NAME + " characters"));
        } else if (!PlainText.isLine(name)) {
            problems.add(
                    new FieldProblem("name", "may hold letters, digits and punctuation on one line, nothing else"));
        }
        String email = text(request.email());
        if (email != null && !EmailAddresses.isValid(email)) {
            problems.add(new FieldProblem("email", "is not an email address"));
        }
        String message = text(request.message());
        if (message != null && message.codePointCount(0, message.length()) > MAX_MESSAGE) {
            problems.add(new FieldProblem("message", "is longer than " + MAX_MESSAGE + " characters"));
        } else if (!PlainText.isText(message)) {
            problems.add(new FieldProblem("message", "may hold text and line breaks, nothing else"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AcceptedDonation(
                campaign.money(amount),
                interval,
                name,
                email,
                Boolean.TRUE.equals(request.anonymous()),
                message,
                Boolean.TRUE.equals(request.coverFees()),
                Boolean.TRUE.equals(request.showAmount()));
    }

    public Money minimum(Campaign campaign) {
        return Money.ofMajor(limits.minimum().stripTrailingZeros().toPlainString(), campaign.currency());
    }

    public Money maximum(Campaign campaign) {
        return Money.ofMajor(limits.maximum().stripTrailingZeros().toPlainString(), campaign.currency());
    }

    /**
     * What the donate form offers, for every frequency: the amounts the campaign's ask sets (those within the limits,
     * should the limits have changed since), else the configured presets with the middle one preselected; the ask's
     * headline and accent colour as staff set them.
     */
    public Ask ask(Campaign campaign) {
        return offered(campaign, campaign.ask()).running(campaign.ask().experiment());
    }

    /**
     * What the donate form offers to a reader shown a variant of the running experiment: the variant's amounts (with
     * the impact lines the campaign's ask has for the same amounts) and headline (else the campaign's), the
     * campaign's accent colour; frequencies the variant leaves empty offer the campaign's own.
     */
    public Ask ask(Campaign campaign, AskExperiment.Variant variant) {
        if (variant == null) {
            return ask(campaign);
        }
        return offered(campaign, variant.over(campaign.ask()));
    }

    private Ask offered(Campaign campaign, Ask source) {
        Map<String, List<Ask.AskAmount>> amounts = new LinkedHashMap<>();
        long min = minimum(campaign).minor();
        long max = maximum(campaign).minor();
        for (DonationInterval interval : DonationInterval.values()) {
            List<Ask.AskAmount> set = source.amounts(interval.word()).stream()
                    .filter(a -> a.amountMinor() >= min && a.amountMinor() <= max)
                    .toList();
            amounts.put(interval.word(), set.isEmpty() ? defaults(campaign, interval, min, max) : set);
        }
        return new Ask(source.headline(), source.accent(), amounts);
    }

    private List<Ask.AskAmount> defaults(Campaign campaign, DonationInterval interval, long min, long max) {
        List<BigDecimal> configured = switch (interval) {
            case ONCE -> limits.presets();
            case MONTH -> limits.presetsMonth();
            case YEAR -> limits.presetsYear();
        };
        // an amount the currency cannot write (0.50 in yen) is left out, as one outside the limits is
        List<Long> minors = configured.stream()
                .filter(p -> p.stripTrailingZeros().scale() <= Money.fractionDigits(campaign.currency()))
                .map(p -> Money.ofMajor(p.stripTrailingZeros().toPlainString(), campaign.currency())
                        .minor())
                .filter(m -> m >= min && m <= max)
                .distinct()
                .toList();
        int middle = (minors.size() - 1) / 2;
        return java.util.stream.IntStream.range(0, minors.size())
                .mapToObj(i -> new Ask.AskAmount(minors.get(i), null, i == middle))
                .toList();
    }

    private static DonationInterval interval(String value, List<FieldProblem> problems) {
        String name = text(value);
        if (name == null) {
            return DonationInterval.ONCE;
        }
        return DonationInterval.fromWord(name).orElseGet(() -> {
            problems.add(new FieldProblem("interval", "must be 'once', 'month' or 'year'"));
            return DonationInterval.ONCE;
        });
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}

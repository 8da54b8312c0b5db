package org.goalpost.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignStatus;
import org.goalpost.campaign.PeriodKind;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class DonationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final DonationPolicy policy = new DonationPolicy(
            new DonationLimits(
                    new BigDecimal("1.00"),
                    new BigDecimal("10000.00"),
                    List.of(new BigDecimal("10"), new BigDecimal("25")),
                    List.of(new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("20")),
                    List.of(new BigDecimal("0.5"), new BigDecimal("100"), new BigDecimal("20000"))),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Campaign campaign = TestCampaigns.campaign("USD", PeriodKind.NONE, "UTC", 250_000, 500_000);

    private List<String> rejected(Campaign target, DonationRequest request) {
        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> policy.check(target, request));
        assertThat(e).as("the request should be rejected").isNotNull();
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void acceptsAGiftWithinTheLimits() {
        AcceptedDonation accepted = policy.check(
                campaign, new DonationRequest(2_500L, "month", " Ada ", "ada@example.org", true, " Thanks ", true));
        assertThat(accepted.amount()).isEqualTo(Money.of(2_500, "USD"));
        assertThat(accepted.interval()).isEqualTo(DonationInterval.MONTH);
        assertThat(accepted.name()).isEqualTo("Ada");
        assertThat(accepted.message()).isEqualTo("Thanks");
        assertThat(accepted.anonymous()).isTrue();
        assertThat(accepted.coverFees()).isTrue();
        assertThat(policy.check(campaign, new DonationRequest(100L, null, null, null, null, null, null))
                        .interval())
                .isEqualTo(DonationInterval.ONCE);
        assertThat(policy.check(campaign, new DonationRequest(1_000_000L, "once", null, null, null, null, null))
                        .amount()
                        .minor())
                .isEqualTo(1_000_000);
    }

    @Test
    void amountsOutsideTheLimitsAreRefused() {
        assertThat(rejected(campaign, new DonationRequest(99L, "once", null, null, null, null, null)))
                .containsExactly("amountMinor");
        assertThat(rejected(campaign, new DonationRequest(1_000_001L, "once", null, null, null, null, null)))
                .containsExactly("amountMinor");
        assertThat(rejected(campaign, new DonationRequest(null, "once", null, null, null, null, null)))
                .containsExactly("amountMinor");
        assertThat(rejected(campaign, new DonationRequest(-500L, "once", null, null, null, null, null)))
                .containsExactly("amountMinor");
    }

    @Test
    void limitsFollowTheCampaignsCurrency() {
        Campaign yen = TestCampaigns.campaign("JPY", PeriodKind.NONE, "UTC", 100_000);
        assertThat(policy.minimum(yen)).isEqualTo(Money.of(1, "JPY"));
        assertThat(policy.maximum(yen)).isEqualTo(Money.of(10_000, "JPY"));
        assertThat(amounts(policy.ask(yen), "once")).containsExactly(10L, 25L);
        assertThat(amounts(policy.ask(campaign), "once")).containsExactly(1_000L, 2_500L);
    }

    @Test
    void theAskOffersTheConfiguredAmountsPerFrequencyWithTheMiddleOnePreselected() {
        Ask ask = policy.ask(campaign);
        assertThat(amounts(ask, "month")).containsExactly(500L, 1_000L, 2_000L);
        assertThat(ask.amounts("month")).extracting(Ask.AskAmount::preselected).containsExactly(false, true, false);
        assertThat(ask.amounts("once")).extracting(Ask.AskAmount::preselected).containsExactly(true, false);
        assertThat(amounts(ask, "year"))
                .as("0.50 $ and 20,000 $ lie outside the limits of 1 $ to 10,000 $")
                .containsExactly(10_000L);
        assertThat(ask.headline()).isNull();
    }

    @Test
    void aCampaignsOwnAskReplacesTheDefaultsOfTheFrequenciesItSets() {
        Campaign asking = campaign.withAsk(new Ask(
                "Keep us independent",
                "#1d4ed8",
                Map.of(
                        "month",
                        List.of(
                                new Ask.AskAmount(700, "A week of local news", false),
                                new Ask.AskAmount(1_500, null, true),
                                new Ask.AskAmount(2_000_000, "more than the maximum", false)))));
        Ask ask = policy.ask(asking);
        assertThat(ask.headline()).isEqualTo("Keep us independent");
        assertThat(ask.accent()).isEqualTo("#1d4ed8");
        assertThat(amounts(ask, "month"))
                .as("an amount the limits no longer allow is left out")
                .containsExactly(700L, 1_500L);
        assertThat(ask.amounts("month").get(0).impact()).isEqualTo("A week of local news");
        assertThat(amounts(ask, "once")).as("the defaults").containsExactly(1_000L, 2_500L);
    }

    private static List<Long> amounts(Ask ask, String frequency) {
        return ask.amounts(frequency).stream().map(Ask.AskAmount::amountMinor).toList();
    }

    @Test
    void aGiftIsOnceMonthlyOrYearlyInTheWordsReadersAndSitesUse() {
        for (String word : new String[] {"year", "yearly", "annual", " YEAR "}) {
            assertThat(policy.check(campaign, new DonationRequest(12_000L, word, null, null, null, null, null))
                            .interval())
                    .as(word)
                    .isEqualTo(DonationInterval.YEAR);
        }
        assertThat(policy.check(campaign, new DonationRequest(1_000L, "monthly", null, null, null, null, null))
                        .interval())
                .isEqualTo(DonationInterval.MONTH);
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> policy.check(campaign, new DonationRequest(500L, "fortnight", null, null, null, null, null)));
        assertThat(e.problems()).containsExactly(new FieldProblem("interval", "must be 'once', 'month' or 'year'"));
        assertThat(DonationInterval.YEAR.word()).isEqualTo("year");
        assertThat(DonationInterval.YEAR.isRecurring()).isTrue();
        assertThat(DonationInterval.ONCE.isRecurring()).isFalse();
    }

    @Test
    void unknownIntervalsLongMessagesAndBadEmailsAreRefused() {
        assertThat(rejected(campaign, new DonationRequest(500L, "weekly", null, null, null, null, null)))
                .containsExactly("interval");
        assertThat(rejected(campaign, new DonationRequest(500L, "once", null, "not-an-email", null, null, null)))
                .containsExactly("email");
        assertThat(rejected(
                        campaign,
                        new DonationRequest(500L, "once", "n".repeat(201), null, null, "m".repeat(501), null)))
                .containsExactly("name", "message");
        // 500 characters is fine, counted as characters, not UTF-16 units
        assertThat(policy.check(campaign, new DonationRequest(500L, "once", null, null, null, "😀".repeat(500), null))
                        .message())
                .hasSize(1000);
    }

    @Test
    void onlyOpenCampaignsTakeDonations() {
        Campaign ended = withStatus(campaign, CampaignStatus.ENDED, null, null);
        Campaign notYet = withStatus(campaign, CampaignStatus.ACTIVE, NOW.plusSeconds(60), null);
        Campaign over = withStatus(campaign, CampaignStatus.ACTIVE, null, NOW);
        DonationRequest fine = new DonationRequest(500L, "once", null, null, null, null, null);
        assertThat(rejected(ended, fine)).containsExactly("campaign");
        assertThat(rejected(notYet, fine)).containsExactly("campaign");
        assertThat(rejected(over, fine)).containsExactly("campaign");
        assertThat(policy.check(withStatus(campaign, CampaignStatus.ACTIVE, NOW, NOW.plusSeconds(1)), fine))
                .isNotNull();
    }

    private static Campaign withStatus(Campaign c, CampaignStatus status, Instant start, Instant end) {
        return new Campaign(
                c.id(),
                c.slug(),
                c.title(),
                c.description(),
                c.currency(),
                status,
                start,
                end,
                c.timeZone(),
                c.periodKind(),
                c.countBasis(),
                c.amountStyle(),
                c.tiers(),
                c.embedOrigins(),
                c.defaultInterval(),
                c.goalType(),
                c.lateMoneyShown(),
                c.countRecurringAs(),
                c.ask(),
                c.createdAt(),
                c.updatedAt());
    }

    @Test
    void namesAreOneLineOfTextAndMessagesMayOnlyBreakLines() {
        for (String name : new String[] {
            "Eve\nBcc: everyone@example.org",
            "Eve\u0000",
            "Eve\rX",
            "\uD800Eve",
            "Eve\uDC00",
            "Eve\u202Eevil",
            "Eve\u001B[31m",
            "Eve\tX"
        }) {
            assertThat(rejected(campaign, new DonationRequest(2_500L, "once", name, null, false, null, false)))
                    .as(name)
                    .containsExactly("name");
        }
        for (String message : new String[] {"Hi\u0000", "\uDBFFhi", "Hi\u2066there", "Hi\u0007"}) {
            assertThat(rejected(campaign, new DonationRequest(2_500L, "once", null, null, false, message, false)))
                    .as(message)
                    .containsExactly("message");
        }
        AcceptedDonation kept = policy.check(
                campaign,
                new DonationRequest(
                        2_500L,
                        "once",
                        "Zo\u00eb \uD83C\uDF3B O'Brien-\u674E",
                        null,
                        false,
                        "Keep going!\nFrom all of us",
                        false));
        assertThat(kept.name()).isEqualTo("Zo\u00eb \uD83C\uDF3B O'Brien-\u674E");
        assertThat(kept.message()).isEqualTo("Keep going!\nFrom all of us");
        assertThat(org.goalpost.shared.text.PlainText.line("Pay\u0000pal\n\u202EInc"))
                .isEqualTo("PaypalInc");
    }
}

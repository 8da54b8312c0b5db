package org.goalpost.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.goalpost.campaign.CampaignDraft.TierDraft;
import org.goalpost.shared.money.AmountStyle;
import org.goalpost.shared.money.Currencies;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class CampaignRulesTest {

    private final CampaignRules rules = new CampaignRules(Currencies.defaults());

    private static CampaignDraft draft(List<TierDraft> tiers) {
        return new CampaignDraft(
                "spring-drive",
                "Spring drive",
                null,
                "EUR",
                "active",
                "monthly",
                "Europe/Paris",
                null,
                null,
                null,
                null,
                tiers);
    }

    private List<String> fieldsRejected(CampaignDraft draft) {
        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> rules.check(draft, slug -> false));
        assertThat(e).as("the draft should be rejected").isNotNull();
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void acceptsAndNormalisesAValidDraft() {
        ValidCampaign valid = rules.check(
                new CampaignDraft(
                        "  spring-drive ",
                        " Spring drive ",
                        "",
                        "eur",
                        "Active",
                        "MONTHLY",
                        "Europe/Paris",
                        null,
                        null,
                        "net",
                        "symbol-after",
                        List.of(new TierDraft(100_000L, "First", null), new TierDraft(250_000L, "Second", "More"))),
                slug -> false);
        assertThat(valid.slug()).isEqualTo("spring-drive");
        assertThat(valid.title()).isEqualTo("Spring drive");
        assertThat(valid.description()).isNull();
        assertThat(valid.currency()).isEqualTo(Currencies.parse("EUR"));
        assertThat(valid.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(valid.periodKind()).isEqualTo(PeriodKind.MONTHLY);
        assertThat(valid.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(valid.countBasis()).isEqualTo(CountBasis.NET);
        assertThat(valid.amountStyle()).isEqualTo(AmountStyle.SYMBOL_AFTER);
        assertThat(valid.tiers().top().amountMinor()).isEqualTo(250_000);
    }

    @Test
    void defaultsWhatIsOptional() {
        ValidCampaign valid = rules.check(
                new CampaignDraft(
                        "x",
                        "X",
                        null,
                        "USD",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new TierDraft(1L, "One", null))),
                slug -> false);
        assertThat(valid.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(valid.periodKind()).isEqualTo(PeriodKind.NONE);
        assertThat(valid.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(valid.countBasis()).isEqualTo(CountBasis.GROSS);
        assertThat(valid.amountStyle()).isEqualTo(AmountStyle.LOCALE);
    }

    @Test
    void tiersMustBeAboveZeroAndStrictlyIncreasing() {
        assertThat(fieldsRejected(draft(List.of(new TierDraft(0L, "Zero", null)))))
                .containsExactly("tiers[0].amountMinor");
        assertThat(fieldsRejected(draft(List.of(new TierDraft(-5L, "Minus", null)))))
                .containsExactly("tiers[0].amountMinor");
        assertThat(fieldsRejected(draft(List.of(new TierDraft(500L, "A", null), new TierDraft(500L, "B", null)))))
                .containsExactly("tiers[1].amountMinor");
        assertThat(fieldsRejected(draft(List.of(
                        new TierDraft(500L, "A", null),
                        new TierDraft(400L, "B", null),
                        new TierDraft(600L, "C", null)))))
                .containsExactly("tiers[1].amountMinor");
        assertThat(fieldsRejected(draft(List.of(new TierDraft(null, " ", null)))))
                .containsExactly("tiers[0].amountMinor", "tiers[0].label");
    }

    @Test
    void needsAtLeastOneTierAndNotTooMany() {
        assertThat(fieldsRejected(draft(List.of()))).containsExactly("tiers");
        assertThat(fieldsRejected(draft(null))).containsExactly("tiers");
        List<TierDraft> many = new ArrayList<>();
        for (long i = 1; i <= CampaignRules.MAX_TIERS + 1; i++) {
            many.add(new TierDraft(i * 100, "T" + i, null));
        }
        assertThat(fieldsRejected(draft(many))).containsExactly("tiers");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        CampaignDraft bad = new CampaignDraft(
                "Not A Slug!",
                "",
                "x".repeat(5001),
                "XXX",
                "paused",
                "weekly",
                "Mars/Olympus",
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-05-01T00:00:00Z"),
                "both",
                "fancy",
                List.of(new TierDraft(100L, "x".repeat(101), "y".repeat(501))));
        assertThat(fieldsRejected(bad))
                .containsExactlyInAnyOrder(
                        "slug",
                        "title",
                        "description",
                        "currency",
                        "status",
                        "period",
                        "timeZone",
                        "endsAt",
                        "countBasis",
                        "amountStyle",
                        "tiers[0].label",
                        "tiers[0].description");
    }

    @Test
    void rejectsUnknownCurrencyAndTimeZone() {
        CampaignDraft draft = new CampaignDraft(
                "a",
                "A",
                null,
                "ABC",
                null,
                null,
                "GMT+2",
                null,
                null,
                null,
                null,
                Collections.singletonList(new TierDraft(1L, "One", null)));
        assertThat(fieldsRejected(draft)).containsExactly("currency", "timeZone");
    }

    @Test
    void endMustComeAfterStart() {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        CampaignDraft same = new CampaignDraft(
                "a",
                "A",
                null,
                "USD",
                null,
                null,
                null,
                start,
                start,
                null,
                null,
                List.of(new TierDraft(1L, "One", null)));
        assertThat(fieldsRejected(same)).containsExactly("endsAt");
    }

    @Test
    void slugMustBeFreeAndUrlSafe() {
        CampaignDraft taken = new CampaignDraft(
                "support",
                "A",
                null,
                "USD",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new TierDraft(1L, "One", null)));
        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> rules.check(taken, "support"::equals));
        assertThat(e.problems()).containsExactly(new FieldProblem("slug", "is already used by another campaign"));
        for (String slug : List.of("-lead", "trail-", "UPPER", "sp ace", "x".repeat(65), "accént")) {
            CampaignDraft draft = new CampaignDraft(
                    slug,
                    "A",
                    null,
                    "USD",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(new TierDraft(1L, "One", null)));
            assertThat(fieldsRejected(draft)).as(slug).containsExactly("slug");
        }
    }
}

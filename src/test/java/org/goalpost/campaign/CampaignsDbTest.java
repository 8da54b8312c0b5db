package org.goalpost.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.goalpost.campaign.CampaignDraft.TierDraft;
import org.goalpost.donation.DonorRef;
import org.goalpost.donation.Ledger;
import org.goalpost.donation.LedgerEntry;
import org.goalpost.donation.LedgerKind;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import org.goalpost.testing.DbSuite;
import org.goalpost.testing.DbTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

@ParameterizedClass(name = "{0}")
@MethodSource("org.goalpost.testing.TestDatabases#targets")
class CampaignsDbTest {

    @Parameter
    DbTarget db;

    private Campaigns campaigns;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        campaigns = DbSuite.bean(db, Campaigns.class);
        jdbc = DbSuite.bean(db, JdbcClient.class);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void anAskIsStoredWithItsOrderImpactLinesAndLookAndReplacedWhole() {
        String slug = campaigns
                .create(TestCampaigns.draft(TestCampaigns.uniqueSlug("ask"), 250_000))
                .slug();
        Instant before = campaigns.find(slug).orElseThrow().updatedAt();
        assertThat(campaigns.find(slug).orElseThrow().ask()).isEqualTo(Ask.NONE);
        Campaign saved = campaigns.saveAsk(
                slug,
                new AskDraft(
                        "Keep us independent — für alle",
                        "#1D4ED8",
                        java.util.Map.of(
                                "month",
                                List.of(
                                        new AskDraft.AmountDraft(500L, "Eine Woche Lokalnachrichten", null),
                                        new AskDraft.AmountDraft(1_500L, null, true)),
                                "year",
                                List.of(new AskDraft.AmountDraft(10_000L, null, null)))),
                100,
                1_000_000);
        Ask read = campaigns.find(slug).orElseThrow().ask();
        assertThat(read).isEqualTo(saved.ask());
        assertThat(read.headline()).isEqualTo("Keep us independent — für alle");
        assertThat(read.accent()).isEqualTo("#1d4ed8");
        assertThat(read.amounts("month"))
                .containsExactly(
                        new Ask.AskAmount(500, "Eine Woche Lokalnachrichten", false),
                        new Ask.AskAmount(1_500, null, true));
        assertThat(read.amounts("year")).containsExactly(new Ask.AskAmount(10_000, null, true));
        assertThat(read.amounts("once")).isEmpty();
        assertThat(campaigns.find(slug).orElseThrow().updatedAt())
                .as("the campaign counts as changed, so every instance's read path picks the ask up")
                .isAfter(before);

        campaigns.saveAsk(
                slug,
                new AskDraft(null, null, java.util.Map.of("once", List.of(new AskDraft.AmountDraft(700L, null, null)))),
                100,
                1_000_000);
        Ask replaced = campaigns.find(slug).orElseThrow().ask();
        assertThat(replaced.headline()).isNull();
        assertThat(replaced.amounts("month")).isEmpty();
        assertThat(replaced.amounts("once")).containsExactly(new Ask.AskAmount(700, null, true));

        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> campaigns.saveAsk(slug, new AskDraft(null, "#ffff00", java.util.Map.of()), 100, 1_000_000));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("accent");
        assertThat(campaigns.find(slug).orElseThrow().ask())
                .as("nothing changed")
                .isEqualTo(replaced);
        // a campaign edit keeps the ask
        campaigns.update(slug, Campaigns.draftOf(campaigns.find(slug).orElseThrow(), "active"));
        assertThat(campaigns.find(slug).orElseThrow().ask()).isEqualTo(replaced);
    }

    @Test
    void createsACampaignWithItsTiersAndReadsItBack() {
        String slug = TestCampaigns.uniqueSlug("create");
        Instant start = Instant.parse("2026-12-01T05:00:00.123456Z");
        Campaign created = campaigns.create(new CampaignDraft(
                slug,
                "Winter drive",
                "For the winter",
                "EUR",
                "active",
                "monthly",
                "Europe/Berlin",
                start,
                start.plusSeconds(86_400 * 90),
                "net",
                "locale",
                List.of(new TierDraft(100_000L, "First", "One"), new TierDraft(300_000L, "Second", null))));
        Campaign read = campaigns.find(slug).orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(read.title()).isEqualTo("Winter drive");
        assertThat(read.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(read.periodKind()).isEqualTo(PeriodKind.MONTHLY);
        assertThat(read.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(read.startsAt()).isEqualTo(start);
        assertThat(read.countBasis()).isEqualTo(CountBasis.NET);
        assertThat(read.tiers().asList())
                .containsExactly(new Tier(100_000, "First", "One"), new Tier(300_000, "Second", null));
        assertThat(campaigns.find(read.id())).contains(read);
    }

    @Test
    void aRejectedCampaignWritesNothing() {
        long campaignsBefore = count("campaign");
        long tiersBefore = count("campaign_tier");
        String existing = campaigns
                .create(TestCampaigns.draft(TestCampaigns.uniqueSlug("taken"), 1_000))
                .slug();
        InvalidInputException duplicate = catchThrowableOfType(
                InvalidInputException.class, () -> campaigns.create(TestCampaigns.draft(existing, 5_000)));
        assertThat(duplicate.problems())
                .containsExactly(new FieldProblem("slug", "is already used by another campaign"));
        InvalidInputException badTiers = catchThrowableOfType(
                InvalidInputException.class,
                () -> campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("bad"), 5_000, 5_000)));
        assertThat(badTiers.concerns("tiers[1].amountMinor")).isTrue();
        assertThat(count("campaign")).isEqualTo(campaignsBefore + 1);
        assertThat(count("campaign_tier")).isEqualTo(tiersBefore + 1);
    }

    @Test
    void updatesReplaceTheTiersAllOrNothing() {
        String slug = TestCampaigns.uniqueSlug("update");
        Campaign original = campaigns.create(TestCampaigns.draft(slug, 1_000, 2_000));
        Campaign changed = campaigns.update(slug, TestCampaigns.draft(slug, 1_500, 3_000, 6_000));
        assertThat(changed.id()).isEqualTo(original.id());
        assertThat(changed.tiers().asList()).extracting(Tier::amountMinor).containsExactly(1_500L, 3_000L, 6_000L);

        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class, () -> campaigns.update(slug, TestCampaigns.draft(slug, 9_000, 100)));
        assertThat(e.concerns("tiers[1].amountMinor")).isTrue();
        assertThat(campaigns.find(slug).orElseThrow().tiers()).isEqualTo(changed.tiers());
    }

    @Test
    void currencyAndPeriodAreLockedOnceMoneyIsRecorded() {
        String slug = TestCampaigns.uniqueSlug("locked");
        Campaign campaign = campaigns.create(TestCampaigns.draft(slug, 1_000));
        Campaign inEuros = campaigns.update(slug, TestCampaigns.draft(slug, "EUR", "none", "UTC", 1_000));
        assertThat(inEuros.currency().getCurrencyCode())
                .as("no money yet: the currency may change")
                .isEqualTo("EUR");

        DbSuite.bean(db, Ledger.class)
                .record(
                        inEuros,
                        LedgerEntry.gift(
                                LedgerKind.PAYMENT,
                                inEuros.money(500),
                                0,
                                "pi_" + slug,
                                null,
                                DonorRef.known(1),
                                true,
                                Instant.now(),
                                PeriodKey.ALL));
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> campaigns.update(slug, TestCampaigns.draft(slug, "USD", "monthly", "UTC", 1_000)));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("currency", "period");
        assertThat(campaigns.find(slug).orElseThrow().currency().getCurrencyCode())
                .isEqualTo("EUR");
        assertThat(campaigns
                        .update(slug, TestCampaigns.draft(slug, "EUR", "none", "UTC", 2_000))
                        .tiers()
                        .top()
                        .amountMinor())
                .as("other changes are still allowed")
                .isEqualTo(2_000);
        assertThat(campaign.id()).isEqualTo(inEuros.id());
    }

    @Test
    void onlyActiveAndEndedCampaignsArePublic() {
        String draft = TestCampaigns.uniqueSlug("draft");
        campaigns.create(new CampaignDraft(
                draft,
                "Draft",
                null,
                "USD",
                "draft",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new TierDraft(100L, "One", null))));
        assertThat(campaigns.findPublic()).extracting(Campaign::slug).doesNotContain(draft);
        assertThatThrownBy(() -> campaigns.findPublic(draft)).isInstanceOf(NotFoundException.class);
        assertThat(campaigns.find(draft)).isPresent();
    }
}

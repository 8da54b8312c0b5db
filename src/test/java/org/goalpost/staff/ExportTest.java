package org.goalpost.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.OfflineGifts;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The CSV exports: the list's filters, RFC 4180 quoting by Commons CSV, formula injection defused, audited. */
@AppTest
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class ExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    OfflineGifts gifts;

    @Autowired
    JdbcClient jdbc;

    private List<CSVRecord> csv(String body) throws Exception {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))
                .getRecords();
    }

    @Test
    void donationsAreExportedWithTheListFiltersAndDonorTextIsDefused() throws Exception {
        Campaign campaign = campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("export"), 100_000, 200_000));
        Campaign other =
                campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("export-other"), 100_000, 200_000));
        gifts.record(
                campaign,
                new OfflineGifts.Entry(
                        2_500L,
                        "cash",
                        "=HYPERLINK(\"http://evil.example\",\"click\")",
                        null,
                        LocalDate.of(2026, 11, 1),
                        null),
                "test");
        gifts.record(
                campaign,
                new OfflineGifts.Entry(
                        10_000L, "cheque", "O'Brien, \"Pat\" Jr.", "pat@example.org", LocalDate.of(2026, 11, 2), null),
                "test");
        gifts.record(other, new OfflineGifts.Entry(99_00L, "cash", "Elsewhere", null, null, null), "test");
        Cookie staff = StaffAccounts.loginAsAdmin(mvc);

        String body = mvc.perform(get("/staff/export/donations.csv")
                        .param("campaign", campaign.slug())
                        .cookie(staff))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"goalpost-donations.csv\""))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).startsWith(String.join(",", ExportController.DONATION_COLUMNS) + "\r\n");
        List<CSVRecord> rows = csv(body);
        assertThat(rows)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.get("campaign")).isEqualTo(campaign.slug()));
        assertThat(rows).extracting(r -> r.get("amount_minor")).containsExactlyInAnyOrder("2500", "10000");
        assertThat(rows)
                .extracting(r -> r.get("donor_name"))
                .containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil.example\",\"click\")", "O'Brien, \"Pat\" Jr.");
        assertThat(rows).extracting(r -> r.get("livemode")).containsOnly("false");

        String onlyCheques = mvc.perform(get("/staff/export/donations.csv")
                        .param("campaign", campaign.slug())
                        .param("q", "pat@example.org")
                        .cookie(staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv(onlyCheques))
                .as(onlyCheques)
                .singleElement()
                .satisfies(r -> assertThat(r.get("donor_email")).isEqualTo("pat@example.org"));

        assertThat(csv(mvc.perform(get("/staff/export/donations.csv")
                                .param("campaign", campaign.slug())
                                .param("mode", "live")
                                .cookie(staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()))
                .as("no live money here")
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'export.donations' AND actor = ?")
                        .param(StaffAccounts.ADMIN_EMAIL)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);

        List<CSVRecord> totals = csv(mvc.perform(
                        get("/staff/export/totals.csv").param("mode", "test").cookie(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(totals)
                .filteredOn(r -> r.get("campaign").equals(campaign.slug()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("raised_minor")).isEqualTo("12500");
                    assertThat(r.get("donations")).isEqualTo("2");
                    assertThat(r.get("donors")).isEqualTo("2");
                    assertThat(r.get("period")).isEqualTo("ALL");
                });
    }

    @Test
    void aBadFilterIsAReadableErrorNotAnEmptyFile() throws Exception {
        Cookie staff = StaffAccounts.loginAsAdmin(mvc);
        var response = mvc.perform(get("/staff/export/donations.csv")
                        .param("from", "last tuesday")
                        .cookie(staff))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString())
                .contains("Nothing was changed")
                .contains("write a date as YYYY-MM-DD");
        var list = mvc.perform(get("/staff/donations")
                        .param("status", "lost-in-the-post")
                        .cookie(staff))
                .andReturn()
                .getResponse();
        assertThat(list.getStatus()).isEqualTo(400);
        assertThat(list.getContentAsString()).contains("is not a known status");
    }

    @Test
    void aFormulaAfterAnySeparatorASpreadsheetMaySplitOnIsDefused() {
        assertThat(ExportController.cell("Jane;=2+5;x")).isEqualTo("Jane;'=2+5;x");
        assertThat(ExportController.cell("Jane,=2+5")).isEqualTo("Jane,'=2+5");
        assertThat(ExportController.cell("Jane\t@SUM(A1)")).isEqualTo("Jane\t'@SUM(A1)");
        assertThat(ExportController.cell("Jane\n+cmd|' /C calc'!A0")).isEqualTo("Jane\n'+cmd|' /C calc'!A0");
        assertThat(ExportController.cell("Jane;  -1+1")).isEqualTo("Jane;  '-1+1");
        assertThat(ExportController.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(ExportController.cell("\tTabbed")).isEqualTo("'\tTabbed");
        assertThat(ExportController.cell("Jean-Luc Picard; O'Brien"))
                .as("hyphens inside words stay")
                .isEqualTo("Jean-Luc Picard; O'Brien");
        assertThat(ExportController.cell(null)).isNull();
    }
}

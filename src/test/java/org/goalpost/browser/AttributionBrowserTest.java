package org.goalpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.goalpost.attribution.AttributionReport;
import org.goalpost.attribution.ReaderCounts;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.Browser;
import org.goalpost.testing.NewsSite;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attribution in a real browser (issue 13): an article on another origin with the widget at two placements; each
 * render counts a view, Donate a click, and a gift through the local test gateway is attributed to the page and the
 * placement it came from; the staff report shows it.
 */
@AppTest
@org.springframework.test.context.TestPropertySource(
        properties = {
            org.goalpost.testing.StaffAccounts.ADMIN_EMAIL_SETTING,
            org.goalpost.testing.StaffAccounts.ADMIN_PASSWORD_SETTING,
            org.goalpost.testing.StaffAccounts.ADMIN_TOKEN_SETTING,
            "goalpost.test.context=staff-browser"
        })
@SlowTest
class AttributionBrowserTest {

    @RegisterExtension
    static final Browser.Session BROWSER = new Browser.Session();

    private static final NewsSite NEWS = new NewsSite();

    @LocalServerPort
    int port;

    @Autowired
    ReaderCounts counts;

    @Autowired
    AttributionReport report;

    @Autowired
    Campaigns campaigns;

    @AfterAll
    static void close() {
        NEWS.stop();
    }

    @Autowired
    org.goalpost.campaign.Experiments experiments;

    @Autowired
    org.goalpost.progress.ProgressCache cacheAccess;

    private String serveArticle() throws Exception {
        return serve("support");
    }

    private String serve(String slug) throws Exception {
        String page = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council vote</title></head>
                <body><main><article><h1>Council vote</h1>
                <div id="top"><script src="http://localhost:%d/widget.js" data-campaign="%s"
                  data-locale="en-US" data-layout="compact" data-placement="top" async></script></div>
                <p>The reporting.</p>
                <div id="end"><script src="http://localhost:%d/widget.js" data-campaign="%s"
                  data-locale="en-US" data-placement="end" async></script></div>
                </article></main></body></html>
                """.formatted(port, slug, port, slug);
        return NEWS.serve(page, "/news/council-vote");
    }

    private SearchContext widget(String id) {
        return NewsSite.widget(BROWSER.driver(), "#" + id + " .goalpost-widget", ".donate");
    }

    private AttributionReport.Row row(AttributionReport.By by, String key) {
        return row("support", by, key);
    }

    private AttributionReport.Row row(String slug, AttributionReport.By by, String key) {
        Campaign campaign = campaigns.find(slug).orElseThrow();
        LocalDate today = LocalDate.now(campaign.timeZone());
        return report.of(campaign, by, today.minusDays(1), today, false).rows().stream()
                .filter(r -> key.equals(r.key()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key));
    }

    @Test
    void viewsClicksAndAGiftAreAttributedToThePageAndPlacement() throws Exception {
        String article = serveArticle();
        BROWSER.driver().get(article + "?utm_source=newsletter&reader=ada");
        widget("top");
        SearchContext end = widget("end");
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(5)).until(d -> {
            counts.flush();
            return row(AttributionReport.By.PLACEMENT, "top").views() >= 1
                    && row(AttributionReport.By.PLACEMENT, "end").views() >= 1;
        });

        WebElement donate = end.findElement(By.cssSelector(".donate"));
        BROWSER.driver().executeScript("arguments[0].scrollIntoView()", donate);
        donate.click();
        WebElement dialog = end.findElement(By.cssSelector("dialog"));
        dialog.findElement(By.cssSelector(".give")).click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.urlContains("/test-checkout/test_cs_"));
        BROWSER.driver().findElement(By.cssSelector("[data-testid=complete]")).click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.urlContains("/campaigns/support/thanks"));
        counts.flush();

        String page = "http://127.0.0.1:" + NEWS.port() + "/news/council-vote";
        AttributionReport.Row byPage = row(AttributionReport.By.PAGE, page);
        assertThat(byPage.views()).as("two placements, one view each").isEqualTo(2);
        assertThat(byPage.clicks()).isEqualTo(1);
        assertThat(byPage.checkouts()).isEqualTo(1);
        assertThat(byPage.donations()).isEqualTo(1);
        assertThat(byPage.raisedMinor()).as("the preselected 25 $").isEqualTo(2_500);
        AttributionReport.Row atEnd = row(AttributionReport.By.PLACEMENT, "end");
        assertThat(atEnd.raisedMinor()).isEqualTo(2_500);
        assertThat(atEnd.clicks()).isEqualTo(1);
        assertThat(row(AttributionReport.By.PLACEMENT, "top").raisedMinor()).isZero();
        assertThat(row(AttributionReport.By.UTM_SOURCE, "newsletter").raisedMinor())
                .isEqualTo(2_500);
        Browser.screenshot(BROWSER.driver(), "attribution-thanks");

        // the staff report shows the page and the placements
        BROWSER.driver().get("http://localhost:" + port + "/staff/campaigns/support/attribution");
        if (BROWSER.driver().getCurrentUrl().contains("/login")) {
            BROWSER.driver().findElement(By.name("username")).sendKeys(org.goalpost.testing.StaffAccounts.ADMIN_EMAIL);
            BROWSER.driver().findElement(By.name("password")).sendKeys(org.goalpost.testing.StaffAccounts.PASSWORD);
            BROWSER.driver().findElement(By.cssSelector("[data-testid=login]")).click();
            new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/staff"));
            BROWSER.driver().get("http://localhost:" + port + "/staff/campaigns/support/attribution");
        }
        WebElement pages = BROWSER.driver().findElement(By.cssSelector("[data-testid=rows-pages]"));
        assertThat(pages.findElement(By.cssSelector("tr[data-key='" + page + "']"))
                        .getText())
                .contains(page)
                .contains("25 $");
        assertThat(BROWSER.driver().findElements(By.cssSelector("[data-testid=attribution-chart] rect")))
                .hasSize(60);
        Browser.screenshot(BROWSER.driver(), "staff-attribution");
    }

    @Test
    void aReaderSeesOneVariantOfAnExperimentAndTheirGiftCountsForIt() throws Exception {
        String slug = org.goalpost.campaign.TestCampaigns.uniqueSlug("exp-browser");
        Campaign campaign = campaigns.create(org.goalpost.campaign.TestCampaigns.draft(slug, 100_000));
        campaigns.changeStatus(slug, "active");
        experiments.start(
                campaigns.find(slug).orElseThrow(),
                new org.goalpost.campaign.ExperimentDraft(
                        "Headline test",
                        List.of(
                                new org.goalpost.campaign.ExperimentDraft.VariantDraft(
                                        "plain", 50, "Support us", "once", java.util.Map.of()),
                                new org.goalpost.campaign.ExperimentDraft.VariantDraft(
                                        "local", 50, "Keep local news alive", "once", java.util.Map.of()))),
                100,
                1_000_000);
        cacheAccess.awaitRebuilds();
        BROWSER.driver().get(serve(slug));
        widget("top");
        SearchContext end = widget("end");
        WebElement donate = end.findElement(By.cssSelector(".donate"));
        String variant = donate.getAttribute("href").replaceAll(".*[?&]variant=(e[0-9]+-[a-z]+).*", "$1");
        assertThat(variant).matches("e[0-9]+-(plain|local)");
        BROWSER.driver().executeScript("arguments[0].scrollIntoView()", donate);
        donate.click();
        WebElement dialog = end.findElement(By.cssSelector("dialog"));
        assertThat(dialog.findElement(By.cssSelector("h2")).getText())
                .isEqualTo(variant.endsWith("-plain") ? "Support us" : "Keep local news alive");
        dialog.findElement(By.cssSelector(".give")).click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.urlContains("/test-checkout/test_cs_"));
        BROWSER.driver().findElement(By.cssSelector("[data-testid=complete]")).click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/thanks"));
        counts.flush();
        AttributionReport.Row shown = row(slug, AttributionReport.By.VARIANT, variant);
        assertThat(shown.views())
                .as("one page view, both boxes show the same variant")
                .isEqualTo(2);
        assertThat(shown.clicks()).isEqualTo(1);
        assertThat(shown.donations()).isEqualTo(1);
        assertThat(shown.raisedMinor()).isEqualTo(2_500);
    }
}

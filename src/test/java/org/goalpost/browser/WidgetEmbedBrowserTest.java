package org.goalpost.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignDraft;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.DonorRef;
import org.goalpost.donation.Ledger;
import org.goalpost.donation.LedgerEntry;
import org.goalpost.donation.LedgerKind;
import org.goalpost.donation.PeriodAttribution;
import org.goalpost.progress.ProgressCache;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.Browser;
import org.goalpost.testing.NewsSite;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget embedded in a news page served from another origin (another port): it renders in a
 * shadow root, keeps the page's CSS out, takes the page's theme colour, draws the tiers where
 * they belong, is accessible, fits 280 px, and its iframe variant loads too.
 */
@AppTest
@SlowTest
class WidgetEmbedBrowserTest {

    @RegisterExtension
    static final Browser.Session BROWSER = new Browser.Session();

    private static final NewsSite NEWS = new NewsSite();

    @LocalServerPort
    int port;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Ledger ledger;

    @Autowired
    ProgressCache cache;

    @AfterAll
    static void close() {
        NEWS.stop();
    }

    private String serveNewsPage(String width) throws Exception {
        return serveNewsPage(width, "en-US");
    }

    private String serveNewsPage(String width, String locale) throws Exception {
        return serveNewsPage(width, locale, "");
    }

    /** {@code attributes}: more of the widget's options, such as {@code data-interval="year"}. */
    private String serveNewsPage(String width, String locale, String attributes) throws Exception {
        return serveNewsPage(width, locale, attributes, "support");
    }

    private String serveNewsPage(String width, String locale, String attributes, String slug) throws Exception {
        String page = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
                <style>
                  body { font-family: serif; }
                  p, strong, a, div { color: rgb(255, 0, 0) !important; }
                  .support { width: %s; --goalpost-accent: rgb(0, 128, 0); }
                </style></head>
                <body><article><h1>An article</h1><p>Some reporting.</p>
                <div class="support" id="box">
                  <script src="http://localhost:%d/widget.js" data-campaign="%s" data-locale="%s" %s
                   async></script>
                </div>
                <iframe id="frame" src="http://localhost:%d/widget/%s?locale=%s" width="420" height="170"
                title="Support us"></iframe>
                </article></body></html>
                """.formatted(width, port, slug, locale, attributes, port, slug, locale);
        return serve(page);
    }

    /** Serves {@code page} from another origin (the news site); its address. */
    private String serve(String page) throws Exception {
        return NEWS.serve(page, "/article");
    }

    private SearchContext widget() {
        return NewsSite.widget(BROWSER.driver(), ".goalpost-widget", "[role=progressbar]");
    }

    @Test
    void theWidgetRendersOnAnotherSiteIsolatedThemedAndAccessible() throws Exception {
        BROWSER.driver().get(serveNewsPage("640px"));
        SearchContext root = widget();

        WebElement bar = root.findElement(By.cssSelector("[role=progressbar]"));
        assertThat(bar.getAttribute("aria-valuemin")).isEqualTo("0");
        assertThat(bar.getAttribute("aria-valuemax")).isEqualTo("500000");
        assertThat(bar.getAttribute("aria-valuenow")).isEqualTo("89500");
        assertThat(bar.getAttribute("aria-valuetext")).isEqualTo("895\u00a0$ raised of 5,000\u00a0$");
        assertThat(bar.getAttribute("aria-label")).isEqualTo("Support independent journalism");

        Rectangle track = bar.getRect();
        assertThat(centreShare(root, "250000", track)).isCloseTo(0.5, within(0.01));
        assertThat(centreShare(root, "500000", track)).isCloseTo(1.0, within(0.01));
        assertThat(root.findElement(By.cssSelector(".raised")).getText()).isEqualTo("895 $ raised");
        List<String> amounts = root.findElements(By.cssSelector(".marker")).stream()
                .map(m -> m.getText().split("\n")[0])
                .toList();
        assertThat(amounts).containsExactly("0 $", "2,500 $", "5,000 $");
        assertThat(root.findElement(By.cssSelector(".test")).getText()).isEqualTo("TEST MODE");

        WebElement fill = root.findElement(By.cssSelector(".fill"));
        assertThat(fill.getCssValue("background-color"))
                .as("themed by the page's --goalpost-accent")
                .isEqualTo("rgba(0, 128, 0, 1)");
        assertThat(root.findElement(By.cssSelector(".raised")).getCssValue("color"))
                .as("the page's CSS stays out")
                .isNotEqualTo("rgba(255, 0, 0, 1)");
        WebElement donate = root.findElement(By.cssSelector(".donate"));
        assertThat(donate.getAttribute("href"))
                .as("the campaign page, with where the reader came from for the attribution report")
                .isEqualTo("http://localhost:" + port + "/campaigns/support?lang=en&placement=default&page="
                        + java.net.URLEncoder.encode(
                                BROWSER.driver().getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8));

        BROWSER.driver().switchTo().frame(BROWSER.driver().findElement(By.id("frame")));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=raised]"))
                        .getText())
                .isEqualTo("895 $ raised");
        BROWSER.driver().switchTo().defaultContent();
        Browser.screenshot(BROWSER.driver(), "widget-embedded");
    }

    @Test
    void theWidgetFitsANarrowColumn() throws Exception {
        BROWSER.driver().get(serveNewsPage("280px"));
        SearchContext root = widget();
        WebElement box = BROWSER.driver().findElement(By.id("box"));
        Number overflow = (Number) BROWSER.driver()
                .executeScript("var host = document.querySelector('.goalpost-widget'); return "
                        + "host.scrollWidth - host.clientWidth;");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        assertThat(box.getRect().getWidth()).isEqualTo(280);
        assertThat(root.findElement(By.cssSelector(".donate")).isDisplayed()).isTrue();
        Browser.screenshot(BROWSER.driver(), "widget-280px");
    }

    @Test
    void theWidgetSpeaksGermanOnAGermanSite() throws Exception {
        BROWSER.driver().get(serveNewsPage("100%", "de-DE", "data-interval=\"year\""));
        SearchContext root = widget();
        assertThat(root.findElement(By.cssSelector(".raised")).getText()).isEqualTo("895 $ gesammelt");
        assertThat(root.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuetext"))
                .isEqualTo("895\u00a0$ von 5.000\u00a0$ gesammelt");
        WebElement donate = root.findElement(By.cssSelector(".donate"));
        assertThat(donate.getText()).isEqualTo("Spenden");
        assertThat(donate.getAttribute("href"))
                .contains("/campaigns/support?lang=de&interval=year&placement=default&page=");
        String donatePage = donate.getAttribute("href");
        BROWSER.driver().switchTo().frame("frame");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=raised]"))
                        .getText())
                .isEqualTo("895 $ gesammelt");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=donate]"))
                        .getText())
                .isEqualTo("Spenden");
        BROWSER.driver().switchTo().defaultContent();
        Browser.screenshot(BROWSER.driver(), "widget-embedded-de");
        // the site asked for yearly gifts (data-interval): the donate page opens with "Jährlich" chosen
        BROWSER.driver().get(donatePage);
        WebElement yearly = BROWSER.driver().findElement(By.cssSelector("[data-testid=interval-year]"));
        assertThat(yearly.isSelected()).isTrue();
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=interval-once]"))
                        .isSelected())
                .isFalse();
        assertThat(yearly.findElement(By.xpath("..")).getText()).isEqualTo("Jährlich");
        Browser.screenshot(BROWSER.driver(), "donate-yearly-de");
    }

    @Test
    void aDonorsGoalWithAnEndDateSaysSoInTheWidget() throws Exception {
        CampaignDraft d = TestCampaigns.draft(TestCampaigns.uniqueSlug("widget-donors"), 2, 5);
        Campaign campaign = campaigns.create(
                d.endingAt(Instant.now().plus(Duration.ofDays(3).plusHours(1))).withGoal("donors", null, null));
        for (int donor = 1; donor <= 2; donor++) {
            Instant now = Instant.now();
            ledger.record(
                    campaign,
                    LedgerEntry.gift(
                            LedgerKind.PAYMENT,
                            campaign.money(1_000),
                            0,
                            "pi_widget_donors_" + donor + "_" + campaign.slug(),
                            null,
                            DonorRef.known(900_000 + donor),
                            false,
                            now,
                            PeriodAttribution.forGift(campaign, now)));
        }
        cache.awaitRebuilds();
        BROWSER.driver().get(serveNewsPage("640px", "en-US", "", campaign.slug()));
        SearchContext root = widget();
        assertThat(root.findElement(By.cssSelector(".raised")).getText()).isEqualTo("2 donors");
        assertThat(root.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuetext"))
                .isEqualTo("2 of 5 donors");
        assertThat(root.findElements(By.cssSelector(".marker")).stream()
                        .map(m -> m.getText().split("\n")[0])
                        .toList())
                .containsExactly("0", "2", "5");
        assertThat(root.findElement(By.cssSelector(".ends")).getText()).isEqualTo("Ends in 3 days");
        assertThat(root.findElement(By.cssSelector(".donate")).isDisplayed()).isTrue();
        BROWSER.driver().switchTo().frame("frame");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=raised]"))
                        .getText())
                .isEqualTo("2 donors");
        BROWSER.driver().switchTo().defaultContent();
        Browser.screenshot(BROWSER.driver(), "widget-donors-goal");
    }

    @Test
    void theIframeFitsTheDefaultAndTheReadmeSizesAndTellsThePageItsHeight() throws Exception {
        String listener = "addEventListener(\"message\",e=>{if(e.origin===\"http://localhost:" + port
                + "\"&&e.data&&e.data.goalpostHeight)for(const f of document.querySelectorAll(\"iframe\"))"
                + "if(f.contentWindow===e.source){f.height=e.data.goalpostHeight;"
                + "(window.heights=window.heights||{})[f.id]=e.data.goalpostHeight}})";
        BROWSER.driver().get(serve("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head>
                <body><h1>An article</h1>
                <iframe id="bare" src="http://localhost:%d/widget/support" title="Support us"></iframe>
                <iframe id="readme" src="http://localhost:%d/widget/support?locale=de-DE" title="Support us"
                 width="320" height="150" style="border:0"></iframe>
                <script>%s</script>
                </body></html>
                """.formatted(port, port, listener)));
        for (String frame : List.of("bare", "readme")) {
            WebElement element = BROWSER.driver().findElement(By.id(frame));
            BROWSER.driver().switchTo().frame(element);
            new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(10))
                    .until(driver -> !driver.findElements(By.cssSelector("[data-testid=donate]"))
                            .isEmpty());
            @SuppressWarnings("unchecked")
            List<Number> sizes = (List<Number>) BROWSER.driver()
                    .executeScript("var d = document.documentElement; return [d.scrollWidth, d.clientWidth, "
                            + "d.scrollHeight, d.clientHeight];");
            assertThat(sizes.get(0).intValue())
                    .as(frame + ": no horizontal scroll bar")
                    .isLessThanOrEqualTo(sizes.get(1).intValue());
            assertThat(sizes.get(2).intValue())
                    .as(frame + ": no vertical scroll bar")
                    .isLessThanOrEqualTo(sizes.get(3).intValue());
            assertThat(BROWSER.driver()
                            .findElement(By.cssSelector("[data-testid=donate]"))
                            .isDisplayed())
                    .isTrue();
            BROWSER.driver().switchTo().defaultContent();
        }
        Number told = new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(10))
                .until(driver -> (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript("return window.heights && window.heights.bare"));
        assertThat(told.intValue()).as("the frame's height, sent to the page").isBetween(60, 150);
        Browser.screenshot(BROWSER.driver(), "widget-iframe-default-and-readme-size");
    }

    private static double centreShare(SearchContext root, String amountMinor, Rectangle track) {
        Rectangle tick = root.findElement(By.cssSelector(".tick[data-amount-minor='" + amountMinor + "']"))
                .getRect();
        return (tick.getX() + tick.getWidth() / 2.0 - track.getX()) / track.getWidth();
    }
}

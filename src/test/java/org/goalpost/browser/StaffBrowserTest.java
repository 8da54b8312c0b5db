package org.goalpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.Browser;
import org.goalpost.testing.SlowTest;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A staff member's first hour, in a real headless Chromium: log in as the bootstrap admin, create a
 * campaign with three tiers (after a mistake the editor points at), see it on the public page,
 * record an offline gift, and see the public bar and the dashboard move. Screenshots of the editor
 * and the dashboard land in {@code target/screenshots/}.
 */
@AppTest
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING,
            "goalpost.test.context=staff-browser"
        })
@SlowTest
class StaffBrowserTest {

    @RegisterExtension
    static final Browser.Session BROWSER = new Browser.Session();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15)).until(condition);
    }

    private static WebElement field(String name) {
        return BROWSER.driver().findElement(By.name(name));
    }

    private static void type(String name, String text) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(text);
    }

    private static void click(String testId) {
        BROWSER.driver()
                .findElement(By.cssSelector("[data-testid=" + testId + "]"))
                .click();
    }

    private static String text(String testId) {
        return BROWSER.driver()
                .findElement(By.cssSelector("[data-testid=" + testId + "]"))
                .getText();
    }

    @Test
    void theBootstrapAdminCreatesACampaignRecordsAGiftAndSeesTheBarsMove() {
        // 1. the staff area asks for a login; the bootstrap admin logs in
        BROWSER.driver().get(url("/staff"));
        waitFor(ExpectedConditions.urlContains("/login"));
        type("username", StaffAccounts.ADMIN_EMAIL);
        type("password", "wrong password, surely");
        click("login");
        waitFor(ExpectedConditions.urlContains("/login?error"));
        assertThat(text("login-error")).contains("Wrong email or password");
        type("username", StaffAccounts.ADMIN_EMAIL);
        type("password", StaffAccounts.PASSWORD);
        click("login");
        waitFor(ExpectedConditions.urlContains("/staff"));
        assertThat(BROWSER.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");

        // 2. a campaign with three tiers; a tier lower than the one before is pointed at, and what was typed stays
        BROWSER.driver().get(url("/staff/campaigns/new"));
        type("slug", "city-desk");
        type("title", "Fund the city desk");
        type("description", "Two reporters on the council beat.");
        new Select(field("status")).selectByValue("active");
        type("tiers[0].amount", "1000");
        type("tiers[0].label", "A part-time reporter");
        click("add-tier");
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=tier-row]"), 2));
        type("tiers[1].amount", "500");
        type("tiers[1].label", "A full-time reporter");
        click("add-tier");
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=tier-row]"), 3));
        type("tiers[2].amount", "3000");
        type("tiers[2].label", "A data desk");
        click("save");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=form-errors]")));
        List<String> tierErrors =
                BROWSER.driver().findElements(By.cssSelector("[data-testid=tier-row] .gp-error")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(tierErrors).isNotEmpty();
        assertThat(field("title").getAttribute("value")).isEqualTo("Fund the city desk");
        assertThat(field("tiers[2].label").getAttribute("value")).isEqualTo("A data desk");
        type("tiers[1].amount", "2000");
        Path editor = Browser.screenshot(BROWSER.driver(), "staff-campaign-editor");
        assertThat(editor.toFile().length()).isGreaterThan(10_000);
        click("save");
        waitFor(ExpectedConditions.urlContains("/staff?saved"));
        BROWSER.driver().get(url("/staff/campaigns/city-desk/edit"));
        assertThat(
                        BROWSER
                                .driver()
                                .findElements(By.cssSelector(".gp-card [data-testid=marker] .gp-marker-amount"))
                                .stream()
                                .map(WebElement::getText))
                .as("the editor's preview of the public bar")
                .containsExactly("$0", "$1,000", "$2,000", "$3,000");
        Browser.screenshot(BROWSER.driver(), "staff-campaign-editor-preview");

        // 3. the public page shows it, with markers at 0, 1,000, 2,000 and 3,000 dollars
        BROWSER.driver().get(url("/campaigns/city-desk"));
        assertThat(BROWSER.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Fund the city desk");
        assertThat(BROWSER.driver().findElements(By.cssSelector("[data-testid=marker] .gp-marker-amount")).stream()
                        .map(WebElement::getText))
                .containsExactly("$0", "$1,000", "$2,000", "$3,000");
        assertThat(text("raised")).isEqualTo("$0 raised");

        // 4. an offline gift of 1,250 dollars, by cheque
        BROWSER.driver().get(url("/staff/offline-gifts/new"));
        new Select(field("campaign")).selectByValue("city-desk");
        type("amount", "1,250");
        new Select(field("method")).selectByValue("cheque");
        type("donorName", "Ada Lovelace");
        type("note", "handed over at the town-hall meeting");
        click("record-gift");
        waitFor(ExpectedConditions.urlContains("?recorded"));
        assertThat(BROWSER.driver().getPageSource()).contains("The offline gift is recorded and counted");

        // 5. the public bar moved (the first tier is reached) and so did the dashboard
        BROWSER.driver().get(url("/campaigns/city-desk"));
        waitFor(driver -> {
            driver.navigate().refresh();
            return text("raised").equals("$1,250 raised");
        });
        assertThat(
                        BROWSER
                                .driver()
                                .findElements(By.cssSelector("[data-testid=marker].gp-reached .gp-marker-amount"))
                                .stream()
                                .map(WebElement::getText))
                .containsExactly("$1,000");

        BROWSER.driver().get(url("/staff"));
        WebElement card = BROWSER.driver().findElement(By.cssSelector("[data-campaign=city-desk]"));
        assertThat(card.findElement(By.cssSelector("td[data-testid=raised]")).getText())
                .isEqualTo("$1,250");
        assertThat(card.findElement(By.cssSelector("[data-testid=donors]")).getText())
                .isEqualTo("1");
        assertThat(card.findElement(By.cssSelector("[data-testid=donations]")).getText())
                .isEqualTo("1");
        waitFor(driver -> !card.findElements(By.cssSelector(".gp-chart canvas")).isEmpty());
        Path dashboard = Browser.screenshot(BROWSER.driver(), "staff-dashboard");
        assertThat(dashboard.toFile().length()).isGreaterThan(10_000);

        // the campaign's recurring revenue: figures, a bar per month, the table and its CSV
        card.findElement(By.cssSelector("[data-testid=recurring-link]")).click();
        waitFor(driver -> !driver.findElements(By.cssSelector("[data-testid=recurring-chart]"))
                .isEmpty());
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=mrr]"))
                        .getText())
                .isEqualTo("$0");
        assertThat(BROWSER.driver().findElements(By.cssSelector("[data-testid=recurring-chart] rect")))
                .hasSize(24);
        assertThat(BROWSER.driver().findElements(By.cssSelector("[data-testid=recurring-months] tr[data-month]")))
                .hasSize(24);
        Browser.screenshot(BROWSER.driver(), "staff-recurring");

        // a reader gives 25 dollars every month (the local test gateway): a donor of this month's cohort
        BROWSER.driver().get(url("/campaigns/city-desk"));
        BROWSER.driver()
                .findElement(By.cssSelector("input[name=interval][value=month]"))
                .click();
        BROWSER.driver()
                .findElement(By.cssSelector("input[name=amount][value=custom]"))
                .click();
        BROWSER.driver().findElement(By.cssSelector("input[name=customAmount]")).sendKeys("25");
        click("donate");
        waitFor(ExpectedConditions.urlContains("/test-checkout/test_cs_"));
        click("complete");
        waitFor(ExpectedConditions.urlContains("/campaigns/city-desk/thanks"));
        BROWSER.driver().get(url("/staff/campaigns/city-desk/recurring"));
        assertThat(text("mrr")).isEqualTo("$25");
        List<WebElement> cohort = BROWSER.driver().findElements(By.cssSelector("[data-testid=cohort] td"));
        assertThat(cohort.stream().map(WebElement::getText).toList())
                .as("started this month: one donor, 25 dollars so far, all still donors")
                .containsExactly(
                        java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString(), "1", "$25", "100 %");
        BROWSER.driver().executeScript("document.querySelector('[data-testid=cohorts]').scrollIntoView()");
        Browser.screenshot(BROWSER.driver(), "staff-recurring-cohorts");
        // every campaign in dollars, summed (other tests of this run may have given monthly too)
        BROWSER.driver().get(url("/staff/recurring"));
        assertThat(BROWSER.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Recurring revenue: all campaigns in USD");
        assertThat(Long.parseLong(text("mrr").replaceAll("[^0-9]", ""))).isGreaterThanOrEqualTo(25);
        Browser.screenshot(BROWSER.driver(), "staff-recurring-all");
    }

    @Test
    void anAdminSeesWhatTheReconcilerParkedTriesOneAgainAndDismissesTheOther() {
        jdbc.sql("DELETE FROM reconcile_parked").update();
        String sql = "INSERT INTO reconcile_parked (item_key, kind, ref, label, livemode, error, attempts, "
                + "first_failed_at, last_failed_at, "
                + "next_attempt_at, state) VALUES (?, ?, ?, ?, FALSE, ?, 3, '2026-11-30 08:00:00', "
                + "'2026-11-30 08:07:00', "
                + "'2026-11-30 08:15:00', 'PARKED')";
        jdbc.sql(sql)
                .params(
                        "event:evt_browser_1",
                        "EVENT",
                        "evt_browser_1",
                        "invoice.paid",
                        "UpstreamFailureException: The payment provider refused this: No such object: "
                                + "/v1/payment_intents/pi_gone")
                .update();
        jdbc.sql(sql)
                .params(
                        "pending:d-browser-2",
                        "PENDING",
                        "d-browser-2",
                        "pending donation",
                        "UpstreamFailureException: The payment provider could not be reached (ApiException: try later)")
                .update();
        BROWSER.driver().get(url("/staff"));
        if (BROWSER.driver().getCurrentUrl().contains("/login")) {
            type("username", StaffAccounts.ADMIN_EMAIL);
            type("password", StaffAccounts.PASSWORD);
            click("login");
            waitFor(ExpectedConditions.urlContains("/staff"));
        }
        assertThat(text("parked-line")).contains("2 item(s) the reconciler could not handle");
        BROWSER.driver().findElement(By.linkText("review them")).click();
        waitFor(ExpectedConditions.urlContains("/staff/reconciler"));
        List<WebElement> rows = BROWSER.driver().findElements(By.cssSelector("[data-testid=parked] tr[data-key]"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText())
                .contains("evt_browser_1")
                .contains("invoice.paid")
                .contains("No such object")
                .contains("3");
        Path page = Browser.screenshot(BROWSER.driver(), "staff-reconciler-parked");
        assertThat(page.toFile().length()).isGreaterThan(10_000);

        // tried again now: the local test gateway has no such event, so it is parked again, one attempt more
        BROWSER.driver()
                .findElement(By.cssSelector("tr[data-key='event:evt_browser_1'] button"))
                .click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Failed again"));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("tr[data-key='event:evt_browser_1']"))
                        .getText())
                .contains("4");
        // the other is dismissed: still listed, no longer tried
        BROWSER.driver()
                .findElement(By.xpath("//tr[@data-key='pending:d-browser-2']//button[text()='Dismiss']"))
                .click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=status]"), "Dismissed: pending:d-browser-2"));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("tr[data-key='pending:d-browser-2']"))
                        .getText())
                .contains("dismissed");
        assertThat(BROWSER.driver().findElements(By.cssSelector("tr[data-key='pending:d-browser-2'] button")))
                .isEmpty();
        Browser.screenshot(BROWSER.driver(), "staff-reconciler-after");
        BROWSER.driver().get(url("/staff"));
        assertThat(text("parked-line")).contains("1 item(s)");
        jdbc.sql("DELETE FROM reconcile_parked").update();
    }
}

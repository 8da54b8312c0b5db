package org.goalpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.Browser;
import org.goalpost.testing.NewsSite;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Giving from the article (issue 14): a news page on another origin embeds the widget twice, compact and full; its
 * Donate button opens the ask in a modal dialog on the article (focus inside, Esc closes and gives the focus back),
 * which posts the checkout API and goes straight to the payment page (the local test gateway here).
 */
@AppTest
@SlowTest
class DonateDialogBrowserTest {

    @RegisterExtension
    static final Browser.Session BROWSER = new Browser.Session();

    private static final NewsSite NEWS = new NewsSite();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void close() {
        NEWS.stop();
    }

    private String serveArticle() throws Exception {
        String page = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>An article</title></head>
                <body><main><article><h1>An article</h1><p>Some reporting.</p>
                <div id="top"><script src="http://localhost:%d/widget.js" data-campaign="support"
                  data-locale="en-US" data-layout="compact" async></script></div>
                <p>More reporting.</p>
                <div id="bottom"><script src="http://localhost:%d/widget.js" data-campaign="support"
                  data-locale="en-US" async></script></div>
                </article></main></body></html>
                """.formatted(port, port);
        return NEWS.serve(page, "/article");
    }

    private SearchContext widget(String id) {
        return NewsSite.widget(BROWSER.driver(), "#" + id + " .goalpost-widget", ".donate");
    }

    /** The element that has the focus inside a widget's shadow root, described. */
    private String focusedIn(String id) {
        return (String) BROWSER.driver()
                .executeScript(
                        "var host = document.querySelector('#' + arguments[0] + ' .goalpost-widget');"
                                + "var a = host.shadowRoot.activeElement;"
                                + "return a ? a.tagName.toLowerCase() + ':'"
                                + " + (a.value || a.className || a.textContent) : null;",
                        id);
    }

    private long donations() {
        return jdbc.sql("SELECT COUNT(*) FROM donation").query(Long.class).single();
    }

    @Test
    void theDonateButtonOpensTheAskOnTheArticleAndGoesStraightToPayment() throws Exception {
        BROWSER.driver().manage().window().setSize(new Dimension(360, 800));
        BROWSER.driver().get(serveArticle());
        SearchContext compact = widget("top");
        assertThat(compact.findElements(By.cssSelector(".markers")))
                .as("compact: one line")
                .isEmpty();
        assertThat(compact.findElement(By.cssSelector(".gp")).getAttribute("class"))
                .contains("compact");
        SearchContext full = widget("bottom");
        assertThat(full.findElement(By.cssSelector(".title")).getText()).isEqualTo("Support independent journalism");
        WebElement donate = full.findElement(By.cssSelector(".donate"));
        assertThat(donate.getAttribute("href"))
                .as("without the dialog, the link still goes to the campaign page")
                .startsWith("http://localhost:" + port
                        + "/campaigns/support?lang=en&placement=default&page=http%3A%2F%2F127.0.0.1%3A");
        assertThat(donate.getAttribute("aria-haspopup")).isEqualTo("dialog");
        Browser.screenshot(BROWSER.driver(), "widget-layouts-360");

        BROWSER.driver().executeScript("arguments[0].scrollIntoView()", donate);
        donate.click();
        WebElement dialog = full.findElement(By.cssSelector("dialog"));
        assertThat(dialog.getAttribute("open")).isNotNull();
        assertThat(dialog.getAttribute("aria-modal")).isEqualTo("true");
        assertThat(BROWSER.driver().getWindowHandles()).as("no new tab").hasSize(1);
        assertThat(dialog.getRect().getWidth()).as("fits 360 px").isLessThanOrEqualTo(360);
        assertThat(focusedIn("bottom"))
                .as("the preselected amount has the focus")
                .isEqualTo("input:2500");
        WebElement give = dialog.findElement(By.cssSelector(".give"));
        assertThat(give.getText()).isEqualTo("Give 25 $ once");
        assertThat(dialog.findElement(By.cssSelector(".impact")).getText())
                .isEqualTo("Pays for an hour of local reporting");
        assertThat(Browser.axeViolations(BROWSER.driver()))
                .as("axe-core on the article with the dialog open")
                .isEmpty();
        Browser.screenshot(BROWSER.driver(), "widget-dialog-360");

        // the focus stays in the dialog, however far the reader tabs
        for (int i = 0; i < 12; i++) {
            new org.openqa.selenium.interactions.Actions(BROWSER.driver())
                    .sendKeys(Keys.TAB)
                    .perform();
            assertThat(focusedIn("bottom")).as("after %d tabs", i + 1).isNotNull();
        }
        // Esc closes it and gives the focus back to the button
        new org.openqa.selenium.interactions.Actions(BROWSER.driver())
                .sendKeys(Keys.ESCAPE)
                .perform();
        // the dialog's close event comes after the key, on the browser's next task
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(5))
                .until(d -> full.findElements(By.cssSelector("dialog")).isEmpty());
        assertThat(focusedIn("bottom")).isEqualTo("a:donate");

        // again at 320 px: monthly, then an amount outside the limits is refused on the spot, nothing opened
        BROWSER.driver().manage().window().setSize(new Dimension(320, 700));
        donate.click();
        dialog = full.findElement(By.cssSelector("dialog"));
        assertThat(dialog.getRect().getWidth()).as("fits 320 px").isLessThanOrEqualTo(320);
        dialog.findElement(By.cssSelector("input[name=interval][value=month]"))
                .findElement(By.xpath(".."))
                .click();
        give = dialog.findElement(By.cssSelector(".give"));
        assertThat(give.getText()).isEqualTo("Give 10 $ every month");
        dialog.findElement(By.cssSelector("input[name=amount][value=other]"))
                .findElement(By.xpath(".."))
                .click();
        WebElement field = dialog.findElement(By.cssSelector(".other input[type=text]"));
        field.sendKeys("20000");
        long before = donations();
        give.click();
        assertThat(dialog.findElement(By.cssSelector(".error")).getText()).isEqualTo("Give from 1 $ to 10,000 $.");
        assertThat(donations()).isEqualTo(before);
        field.clear();
        field.sendKeys("12,50");
        assertThat(give.getText()).isEqualTo("Give 12.50 $ every month");
        Browser.screenshot(BROWSER.driver(), "widget-dialog-320");
        give.click();

        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.urlContains("/test-checkout/test_cs_"));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=amount]"))
                        .getText())
                .isEqualTo("12.50 $");
        assertThat(donations()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT donation_interval FROM donation ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("MONTH");
        BROWSER.driver().manage().window().setSize(new Dimension(1000, 1400));
    }
}

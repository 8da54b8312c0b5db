package org.goalpost.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.Browser;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo campaign in a real headless Chromium: where the tier markers are drawn, and what it says. */
@AppTest
@SlowTest
class CampaignPageBrowserTest {

    @RegisterExtension
    static final Browser.Session BROWSER = new Browser.Session();

    @LocalServerPort
    int port;

    @Test
    void drawsTheTierMarkersProportionallyAndTheRaisedAmount() {
        BROWSER.driver().get("http://localhost:" + port + "/campaigns/support");

        WebElement bar = BROWSER.driver().findElement(By.cssSelector(".gp-bar"));
        Rectangle track = bar.getRect();
        assertThat(track.getWidth()).isGreaterThan(200);
        assertThat(bar.getAttribute("role")).isEqualTo("progressbar");
        assertThat(bar.getAttribute("aria-valuenow")).isEqualTo("89500");

        assertThat(centreShare(tick("250000"), track))
                .as("2,500 $ sits at half the bar")
                .isCloseTo(0.50, within(0.005));
        assertThat(centreShare(tick("500000"), track))
                .as("5,000 $ sits at the end")
                .isCloseTo(1.00, within(0.005));
        assertThat(centreShare(tick("0"), track)).as("0 $ sits at the start").isCloseTo(0.00, within(0.005));

        Rectangle fill = BROWSER.driver()
                .findElement(By.cssSelector("[data-testid=fill]"))
                .getRect();
        assertThat((double) fill.getWidth() / track.getWidth())
                .as("895 of 5,000 filled")
                .isCloseTo(0.179, within(0.005));

        List<String> labels =
                BROWSER.driver().findElements(By.cssSelector("[data-testid=marker] .gp-marker-amount")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(labels).containsExactly("0 $", "2,500 $", "5,000 $");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=raised]"))
                        .getText())
                .isEqualTo("895 $ raised");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=test-mode]"))
                        .isDisplayed())
                .isTrue();

        Path shot = Browser.screenshot(BROWSER.driver(), "campaign-support");
        assertThat(shot).exists();
        assertThat(shot.toFile().length()).isGreaterThan(10_000);
    }

    @Test
    void theSamePageInGerman() {
        BROWSER.driver().get("http://localhost:" + port + "/campaigns/support?lang=de");
        assertThat(BROWSER.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("de");
        assertThat(BROWSER.driver().findElements(By.cssSelector("[data-testid=marker] .gp-marker-amount")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("0 $", "2.500 $", "5.000 $");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=raised]"))
                        .getText())
                .isEqualTo("895 $ gesammelt");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=donate]"))
                        .getText())
                .as("the button says what will be charged (no amount chosen yet)")
                .isEqualTo("Einmalig spenden");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=language]"))
                        .getText())
                .isEqualTo("English");
        Browser.screenshot(BROWSER.driver(), "campaign-support-de");
        BROWSER.driver().findElement(By.cssSelector("[data-testid=language]")).click();
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=raised]"))
                        .getText())
                .isEqualTo("895 $ raised");
    }

    @Test
    void theButtonSaysWhatWillBeChargedAndHowOften() {
        BROWSER.driver().get("http://localhost:" + port + "/campaigns/support");
        WebElement button = BROWSER.driver().findElement(By.cssSelector("[data-testid=donate]"));
        assertThat(button.getText()).isEqualTo("Give once");
        BROWSER.driver()
                .findElement(By.cssSelector("input[name=amount][value='2500']"))
                .click();
        assertThat(button.getText()).isEqualTo("Give 25 $ once");
        BROWSER.driver()
                .findElement(By.cssSelector("[data-testid=interval-month]"))
                .click();
        assertThat(button.getText()).isEqualTo("Give 25 $ every month");
        BROWSER.driver()
                .findElement(By.cssSelector("[data-testid=interval-year]"))
                .click();
        assertThat(button.getText()).isEqualTo("Give 25 $ every year");
        Browser.screenshot(BROWSER.driver(), "campaign-give-yearly");
        BROWSER.driver()
                .findElement(By.cssSelector("input[name=amount][value=custom]"))
                .click();
        assertThat(button.getText()).as("an amount still being typed").isEqualTo("Give every year");
        Rectangle size = button.getRect();
        assertThat(size.getHeight()).as("a large tap target").isGreaterThanOrEqualTo(44);
    }

    private Rectangle tick(String amountMinor) {
        return BROWSER.driver()
                .findElement(By.cssSelector("[data-testid=tick][data-amount-minor='" + amountMinor + "']"))
                .getRect();
    }

    private static double centreShare(Rectangle element, Rectangle track) {
        double centre = element.getX() + element.getWidth() / 2.0;
        return (centre - track.getX()) / track.getWidth();
    }
}

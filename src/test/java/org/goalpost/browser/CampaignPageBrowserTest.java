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
import org.openqa.selenium.Dimension;
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
                .as("the button says what will be charged: the preselected amount, once")
                .isEqualTo("25 $ einmalig spenden");
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
    void theAskOffersEachFrequencysAmountsAndTheButtonSaysWhatWillBeCharged() {
        BROWSER.driver().manage().window().setSize(new Dimension(360, 1400));
        BROWSER.driver().get("http://localhost:" + port + "/campaigns/support");
        WebElement button = BROWSER.driver().findElement(By.cssSelector("[data-testid=donate]"));
        WebElement impact = BROWSER.driver().findElement(By.cssSelector("[data-testid=impact]"));
        assertThat(button.getText()).as("the preselected amount").isEqualTo("Give 25 $ once");
        assertThat(impact.getText()).isEqualTo("Pays for an hour of local reporting");
        assertThat(visibleAmounts()).containsExactly("10 $", "25 $", "50 $");
        Browser.screenshot(BROWSER.driver(), "campaign-ask-360");

        amountButton("1000").click();
        assertThat(button.getText()).isEqualTo("Give 10 $ once");
        assertThat(impact.getText()).isEqualTo("Pays for a public records request");

        label("[data-testid=interval-month]").click();
        assertThat(visibleAmounts()).as("the monthly amounts only").containsExactly("5 $", "10 $", "20 $");
        assertThat(button.getText()).as("the monthly ask's preselected amount").isEqualTo("Give 10 $ every month");
        assertThat(impact.getText()).isEqualTo("A year of it pays for a court reporter's week");

        label("[data-testid=interval-year]").click();
        assertThat(visibleAmounts()).as("the configured yearly defaults").containsExactly("50 $", "100 $", "200 $");
        assertThat(button.getText()).isEqualTo("Give 100 $ every year");
        assertThat(impact.isDisplayed()).as("no impact line written for it").isFalse();
        Browser.screenshot(BROWSER.driver(), "campaign-give-yearly");

        WebElement field = BROWSER.driver().findElement(By.cssSelector("input[name=customAmount]"));
        assertThat(field.isDisplayed()).as("'Other' closed").isFalse();
        label("[data-testid=amount-other]").click();
        assertThat(field.isDisplayed()).isTrue();
        assertThat(BROWSER.driver().switchTo().activeElement())
                .as("the field has the focus")
                .isEqualTo(field);
        assertThat(button.getText()).as("an amount still being typed").isEqualTo("Give every year");
        field.sendKeys("12");
        assertThat(button.getText()).isEqualTo("Give 12 $ every year");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=other-field] .gp-currency"))
                        .getText())
                .as("the currency in place")
                .isEqualTo("$");
        Browser.screenshot(BROWSER.driver(), "campaign-ask-other-360");

        for (WebElement target : BROWSER.driver().findElements(By.cssSelector(".gp-tab span, .gp-amount span"))) {
            if (target.isDisplayed()) {
                assertThat(target.getRect().getHeight())
                        .as("a large tap target")
                        .isGreaterThanOrEqualTo(44);
                assertThat(target.getRect().getWidth()).isGreaterThanOrEqualTo(44);
            }
        }
        assertThat(button.getRect().getHeight()).isGreaterThanOrEqualTo(44);
        assertThat((Long) BROWSER.driver().executeScript("return document.documentElement.scrollWidth"))
                .as("no horizontal scrolling at 360 px")
                .isLessThanOrEqualTo(360L);
        BROWSER.driver().manage().window().setSize(new Dimension(1000, 1400));
    }

    @Test
    void theKeyboardReachesEveryControlAndShowsWhereItIs() {
        BROWSER.driver().get("http://localhost:" + port + "/campaigns/support");
        WebElement body = BROWSER.driver().findElement(By.tagName("body"));
        java.util.Set<String> reached = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 40; i++) {
            BROWSER.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            WebElement focused = BROWSER.driver().switchTo().activeElement();
            if (focused.equals(body)) {
                break;
            }
            String name = focused.getAttribute("name") + "=" + focused.getAttribute("value");
            reached.add(focused.getTagName() + ":"
                    + (focused.getAttribute("data-testid") != null ? focused.getAttribute("data-testid") : name));
            // what shows the focus: an outline on the control, or on the button face drawn after a radio
            String outline = (String) BROWSER.driver()
                    .executeScript(
                            "var e = arguments[0]; var face = e.type === 'radio' ? e.nextElementSibling : e;"
                                    + "var s = getComputedStyle(face);"
                                    + "return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow;",
                            focused);
            assertThat(outline).as("focus shown on " + reached).doesNotStartWith("none 0px none");
        }
        assertThat(reached)
                .as("the frequency and the amount (one stop per radio group), the fields, the boxes and the button")
                .containsSubsequence(
                        "a:language",
                        "input:interval-once",
                        "input:amount=2500",
                        "input:email=",
                        "textarea:message=",
                        "input:coverFees=true",
                        "button:donate");
        // arrows move within a radio group: the next frequency
        BROWSER.driver()
                .findElement(By.cssSelector("[data-testid=interval-once]"))
                .sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=interval-month]"))
                        .isSelected())
                .isTrue();
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=donate]"))
                        .getText())
                .isEqualTo("Give 10 $ every month");
    }

    /** The button face a reader taps: the label around the radio. */
    private WebElement amountButton(String minor) {
        return label("input[name=amount][value='" + minor + "']");
    }

    private WebElement label(String input) {
        return BROWSER.driver().findElement(By.cssSelector(input)).findElement(By.xpath(".."));
    }

    private List<String> visibleAmounts() {
        return BROWSER.driver().findElements(By.cssSelector(".gp-amounts .gp-amount span")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
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

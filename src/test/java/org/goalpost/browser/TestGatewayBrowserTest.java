package org.goalpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.Browser;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A newcomer's first donation, without a Stripe account: 25 $ once on the demo campaign, through
 * the test gateway's TEST MODE checkout, and the bar moves from 895 $ to 920 $.
 */
@AppTest
@TestPropertySource(properties = "goalpost.test.context=test-gateway-flow")
@SlowTest
class TestGatewayBrowserTest {

    @RegisterExtension
    static final Browser.Session BROWSER = new Browser.Session();

    @LocalServerPort
    int port;

    private static void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15)).until(condition);
    }

    @Test
    void donatingThroughTheTestGatewayMovesTheBar() {
        BROWSER.driver().get("http://localhost:" + port + "/campaigns/support");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=raised]"))
                        .getText())
                .isEqualTo("895 $ raised");

        BROWSER.driver()
                .findElement(By.cssSelector("input[name=amount][value='2500']"))
                .click();
        BROWSER.driver()
                .findElement(By.cssSelector("input[name=interval][value=once]"))
                .click();
        BROWSER.driver().findElement(By.cssSelector("input[name=name]")).sendKeys("<b>Ada</b>");
        BROWSER.driver()
                .findElement(By.cssSelector("textarea[name=message]"))
                .sendKeys("<img src=x onerror=\"document.title='pwned'\">Keep going");
        BROWSER.driver().findElement(By.cssSelector("input[name=showAmount]")).click();
        BROWSER.driver().findElement(By.cssSelector("[data-testid=donate]")).click();

        waitFor(ExpectedConditions.urlContains("/test-checkout/test_cs_"));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=test-mode]"))
                        .getText())
                .contains("TEST MODE");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=amount]"))
                        .getText())
                .isEqualTo("25 $");
        Browser.screenshot(BROWSER.driver(), "test-gateway-checkout");
        BROWSER.driver().findElement(By.cssSelector("[data-testid=complete]")).click();

        waitFor(ExpectedConditions.urlContains("/campaigns/support/thanks"));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=thanks]"))
                        .getText())
                .contains("Thank you");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=raised]"))
                        .getText())
                .isEqualTo("920 $ raised");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=counts]"))
                        .getText())
                .contains("12 donations");
        // the donor wall: named supporters, newest first, what the donor typed shown as text, never as markup; the
        // demo's nameless gifts fold into one line
        List<WebElement> wall = BROWSER.driver().findElements(By.cssSelector("[data-testid=wall-entry]"));
        assertThat(wall).hasSize(1);
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=wall-others]"))
                        .getText())
                .matches("and \\d+ others this week");
        assertThat(wall.get(0).findElement(By.cssSelector(".gp-wall-name")).getText())
                .isEqualTo("<b>Ada</b>");
        assertThat(wall.get(0).findElement(By.cssSelector(".gp-wall-amount")).getText())
                .isEqualTo("25 $");
        assertThat(wall.get(0).findElement(By.cssSelector(".gp-wall-message")).getText())
                .isEqualTo("<img src=x onerror=\"document.title='pwned'\">Keep going");
        assertThat(BROWSER.driver().findElements(By.cssSelector("[data-testid=wall] img, [data-testid=wall] b")))
                .isEmpty();
        assertThat(BROWSER.driver().getTitle()).doesNotContain("pwned");
        Browser.screenshot(BROWSER.driver(), "test-gateway-thanks");

        BROWSER.driver().get("http://localhost:" + port + "/campaigns/support");
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=raised]"))
                        .getText())
                .isEqualTo("920 $ raised");
    }
}

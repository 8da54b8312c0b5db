package org.goalpost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.goalpost.testing.AppTest;
import org.goalpost.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
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
class TestGatewayBrowserTest {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    @Test
    void donatingThroughTheTestGatewayMovesTheBar() {
        browser.get("http://localhost:" + port + "/campaigns/support");
        assertThat(browser.findElement(By.cssSelector("[data-testid=raised]")).getText()).isEqualTo("895 $ raised");

        browser.findElement(By.cssSelector("input[name=amount][value='2500']")).click();
        browser.findElement(By.cssSelector("input[name=interval][value=once]")).click();
        browser.findElement(By.cssSelector("input[name=name]")).sendKeys("<b>Ada</b>");
        browser.findElement(By.cssSelector("textarea[name=message]")).sendKeys("<img src=x onerror=\"document.title='pwned'\">Keep going");
        browser.findElement(By.cssSelector("input[name=showAmount]")).click();
        browser.findElement(By.cssSelector("[data-testid=donate]")).click();

        waitFor(ExpectedConditions.urlContains("/test-checkout/test_cs_"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=test-mode]")).getText()).contains("TEST MODE");
        assertThat(browser.findElement(By.cssSelector("[data-testid=amount]")).getText()).isEqualTo("25 $");
        Browser.screenshot(browser, "test-gateway-checkout");
        browser.findElement(By.cssSelector("[data-testid=complete]")).click();

        waitFor(ExpectedConditions.urlContains("/campaigns/support/thanks"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=thanks]")).getText()).contains("Thank you");
        assertThat(browser.findElement(By.cssSelector("[data-testid=raised]")).getText()).isEqualTo("920 $ raised");
        assertThat(browser.findElement(By.cssSelector("[data-testid=counts]")).getText()).contains("12 donations");
        // the donor wall: newest first, what the donor typed shown as text, never as markup
        List<WebElement> wall = browser.findElements(By.cssSelector("[data-testid=wall-entry]"));
        assertThat(wall).hasSize(10);
        assertThat(wall.get(0).findElement(By.cssSelector(".gp-wall-name")).getText()).isEqualTo("<b>Ada</b>");
        assertThat(wall.get(0).findElement(By.cssSelector(".gp-wall-amount")).getText()).isEqualTo("25 $");
        assertThat(wall.get(0).findElement(By.cssSelector(".gp-wall-message")).getText())
                .isEqualTo("<img src=x onerror=\"document.title='pwned'\">Keep going");
        assertThat(browser.findElements(By.cssSelector("[data-testid=wall] img, [data-testid=wall] b"))).isEmpty();
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(wall.get(1).findElement(By.cssSelector(".gp-wall-name")).getText()).isEqualTo("Anonymous");
        Browser.screenshot(browser, "test-gateway-thanks");

        browser.get("http://localhost:" + port + "/campaigns/support");
        assertThat(browser.findElement(By.cssSelector("[data-testid=raised]")).getText()).isEqualTo("920 $ raised");
    }
}

package org.goalpost.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.testing.Browser;
import org.goalpost.testing.SlowTest;
import org.goalpost.testing.Smtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The donor portal in Chromium, in German: ask for a link, open it from the email, continue, change
 * the monthly amount (asked of the stubbed Stripe API) and see the page confirm it; screenshots of
 * the request page and the portal.
 */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "goalpost.receipts.poll=1h"})
@SlowTest
class DonorPortalBrowserTest extends StripeAppTestBase {

    @RegisterExtension
    static final Smtp SMTP = new Smtp();

    private static final Pattern LINK =
            Pattern.compile("https://give\\.example\\.org(/donors/manage/[A-Za-z0-9_-]{43}\\?lang=de)");

    @RegisterExtension
    static final Browser.Session BROWSER = new Browser.Session();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    @Test
    void aMonthlyDonorChangesTheAmountInGerman() throws Exception {
        Campaign campaign = campaign("portalbrowser");
        Donation donation = pendingDonation(campaign, DonationInterval.MONTH, 1_500, "heidi@example.org");
        String subscription = id("sub");
        Map<String, Object> object = StripeJson.subscription(subscription, "active", donation.publicId(), 1_500, "usd");
        object.put("customer", "cus_" + subscription.substring(4));
        STRIPE.putSubscription(object);
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.subscribedSession(
                                subscription, donation.publicId(), 1_500, "heidi@example.org", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));

        String base = "http://localhost:" + port;
        BROWSER.driver().get(base + "/donors/manage?lang=de");
        BROWSER.driver().findElement(By.cssSelector("input[name=email]")).sendKeys("heidi@example.org");
        BROWSER.driver().findElement(By.cssSelector("[data-testid=send-link]")).click();
        WebDriverWait wait = new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=sent]")));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=sent]"))
                        .getText())
                .startsWith("Falls heidi@example.org bei uns monatlich oder jährlich spendet, ist ein Link unterwegs.");
        Browser.screenshot(BROWSER.driver(), "portal-request-de");

        Matcher link = LINK.matcher(Smtp.body(SMTP.to("heidi@example.org", 1).get(0)));
        assertThat(link.find()).isTrue();
        BROWSER.driver().get(base + link.group(1));
        BROWSER.driver().findElement(By.cssSelector("[data-testid=continue]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=monthly]")));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=monthly] strong"))
                        .getText())
                .isEqualTo("15 $ im Monat");

        BROWSER.driver().findElement(By.cssSelector("input[name=amount]")).sendKeys("22,50");
        BROWSER.driver()
                .findElement(By.cssSelector("[data-testid=change-amount]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=notice]")));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=notice]"))
                        .getText())
                .startsWith("Beauftragt: 22,50 $ im Monat ab Ihrer nächsten Zahlung.");
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/subscriptions/" + subscription))
                .singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("items[0][price_data][unit_amount]=2250"));
        Browser.screenshot(BROWSER.driver(), "portal-de");

        // a pause of three months, chosen from the list
        new org.openqa.selenium.support.ui.Select(
                        BROWSER.driver().findElement(By.cssSelector("[data-testid=pause-months]")))
                .selectByValue("3");
        BROWSER.driver().findElement(By.cssSelector("[data-testid=pause]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=notice]"), "keine Zahlung bis"));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=notice]"))
                        .getText())
                .startsWith("Beauftragt: keine Zahlung bis ")
                .contains("danach läuft Ihre Spende von selbst weiter");
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/subscriptions/" + subscription))
                .hasSize(2)
                .anySatisfy(r -> assertThat(r.getBodyAsString()).contains("pause_collection[behavior]=void"));
        Browser.screenshot(BROWSER.driver(), "portal-paused-de");
    }
}

package org.goalpost.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.Browser;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.AfterAll;
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
 * The person check in a real browser: the campaign page loads the provider's script from the
 * provider's origin (here a stand-in for Turnstile's {@code api.js}, served by a stub that also
 * answers {@code siteverify}); the Content Security Policy lets it run, the script puts its token
 * in the form, and the server verifies that token before the checkout opens.
 */
@AppTest
@TestPropertySource(
        properties = {
            "goalpost.test.context=captcha-browser",
            "goalpost.captcha.provider=turnstile",
            "goalpost.captcha.site-key=0x4AAAAAAAbrowserSiteKey",
            "goalpost.captcha.secret=0x4AAAAAAAbrowserSecret",
            "goalpost.captcha.after=0"
        })
@SlowTest
class CaptchaBrowserTest {

    /** What Turnstile's script does, reduced: render into each widget element and add the token field to its form. */
    private static final String STAND_IN_SCRIPT = """
            document.querySelectorAll('.cf-turnstile').forEach(function (widget) {
              var token = document.createElement('input');
              token.type = 'hidden';
              token.name = 'cf-turnstile-response';
              token.value = 'browser-token-for-' + widget.getAttribute('data-sitekey');
              widget.appendChild(token);
              var label = document.createElement('span');
              label.textContent = 'Verified (stand-in for Turnstile)';
              widget.appendChild(label);
              widget.setAttribute('data-rendered', 'yes');
            });
            """;

    private static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());

    @RegisterExtension
    static final Browser.Session BROWSER = new Browser.Session();

    static {
        PROVIDER.start();
        PROVIDER.stubFor(get(urlPathEqualTo("/turnstile/v0/api.js"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/javascript")
                        .withBody(STAND_IN_SCRIPT)));
        PROVIDER.stubFor(post(urlPathEqualTo("/turnstile/v0/siteverify"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}")));
        PROVIDER.stubFor(post(urlPathEqualTo("/turnstile/v0/siteverify"))
                .withRequestBody(containing("response=browser-token-for-0x4AAAAAAAbrowserSiteKey"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true}")));
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add(
                "goalpost.captcha.script-url", () -> "http://127.0.0.1:" + PROVIDER.port() + "/turnstile/v0/api.js");
        registry.add(
                "goalpost.captcha.verify-url",
                () -> "http://127.0.0.1:" + PROVIDER.port() + "/turnstile/v0/siteverify");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void closeBrowser() {
        PROVIDER.stop();
    }

    @Test
    void theProvidersScriptRunsUnderThePolicyAndItsTokenOpensTheCheckout() {
        BROWSER.driver().get("http://localhost:" + port + "/campaigns/support");
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("[data-testid=captcha][data-rendered=yes]")));
        Browser.screenshot(BROWSER.driver(), "captcha-campaign-page");

        BROWSER.driver()
                .findElement(By.cssSelector("input[name=amount][value='2500']"))
                .click();
        BROWSER.driver().findElement(By.cssSelector("[data-testid=donate]")).click();
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.urlContains("/test-checkout/test_cs_"));
        Browser.assertNoPolicyViolations(BROWSER.driver(), "test checkout");

        PROVIDER.verify(
                1,
                postRequestedFor(urlPathEqualTo("/turnstile/v0/siteverify"))
                        .withRequestBody(containing(
                                "secret=0x4AAAAAAAbrowserSecret&response=browser-token-for-0x4AAAAAAAbrowserSiteKey")));
        assertThat(BROWSER.driver()
                        .findElement(By.cssSelector("[data-testid=amount]"))
                        .getText())
                .isEqualTo("25 $");
    }
}

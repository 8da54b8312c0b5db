package org.goalpost.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * TLS ends at a proxy in front of the app (127.0.0.2 here, set as {@code GOALPOST_TRUSTED_PROXIES}):
 * what it forwards makes the session cookie {@code Secure} and turns HSTS on; the same headers from
 * any other peer change nothing. Cookies are {@code HttpOnly} and {@code SameSite=Lax} always.
 */
@TestPropertySource(
        properties = {
            "goalpost.rate-limit.checkout-per-ip=3",
            "goalpost.rate-limit.checkout-global=600",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2"
        })
class BehindAProxyTest extends StripeAppTestBase {

    private static final Map<String, String> FORWARDED_TLS =
            Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.5");

    @Value("${local.server.port}")
    int port;

    @Test
    void overTlsAtTheTrustedProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        RawHttp.Answer login = RawHttp.send("127.0.0.2", port, "GET", "/login", FORWARDED_TLS, "");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.headers().get("set-cookie"))
                .startsWith("GOALPOST_SESSION=")
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(login.headers().get("strict-transport-security")).startsWith("max-age=31536000");
    }

    @Test
    void theSameHeadersFromAnUntrustedPeerChangeNothing() throws Exception {
        RawHttp.Answer login = RawHttp.send("127.0.0.1", port, "GET", "/login", FORWARDED_TLS, "");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.headers().get("set-cookie"))
                .startsWith("GOALPOST_SESSION=")
                .doesNotContain("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(login.headers()).doesNotContainKey("strict-transport-security");
    }

    @Test
    void readersGetNoCookieAtAll() throws Exception {
        for (String path : new String[] {
            "/", "/campaigns/support", "/api/campaigns/support", "/widget/support", "/widget/support.svg"
        }) {
            RawHttp.Answer answer = RawHttp.send("127.0.0.2", port, "GET", path, FORWARDED_TLS, "");
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.headers()).as(path).doesNotContainKey("set-cookie");
            assertThat(answer.headers().get("strict-transport-security"))
                    .as(path)
                    .startsWith("max-age=");
        }
    }
}

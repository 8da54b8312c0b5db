package org.goalpost.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * By default no peer is a trusted proxy: Tomcat's forwarded-header valve is in place (so that
 * {@code GOALPOST_TRUSTED_PROXIES} takes effect) but believes nobody, so a client cannot pick its
 * own address for the rate limits, the login throttle or the audit log by sending X-Forwarded-For.
 * ({@code CheckoutRateLimitTest} shows a configured proxy being believed and a spoofing peer not.)
 */
@AppTest
class ForwardedHeadersTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void forwardingHeadersAreBelievedFromNoPeerUnlessConfigured() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        Valve[] valves = server.getTomcat().getEngine().getPipeline().getValves();
        RemoteIpValve valve = Arrays.stream(valves)
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no RemoteIpValve: GOALPOST_TRUSTED_PROXIES would do nothing"));
        assertThat(valve.getInternalProxies()).as("trusted proxies by default").isNull();
        assertThat(valve.getTrustedProxies()).isNull();
        assertThat(valve.getRemoteIpHeader()).isEqualToIgnoringCase("X-Forwarded-For");
    }
}

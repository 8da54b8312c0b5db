package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * An IPv6 client is counted by its /64 over real HTTP, behind a trusted proxy: fresh addresses of
 * one customer's prefix do not give fresh limits, while the next prefix is somebody else.
 */
@TestPropertySource(
        properties = {
            "goalpost.rate-limit.checkout-per-ip=3",
            "goalpost.rate-limit.checkout-global=600",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2"
        })
class Ipv6ClientLimitTest extends StripeAppTestBase {

    @Value("${local.server.port}")
    int port;

    private int checkout(Campaign campaign, String client) throws Exception {
        return RawHttp.send(
                        "127.0.0.2",
                        port,
                        "POST",
                        "/api/campaigns/" + campaign.slug() + "/checkout",
                        Map.of("Content-Type", "application/json", "X-Forwarded-For", client),
                        "{\"amountMinor\":500,\"interval\":\"once\"}")
                .status();
    }

    @Test
    void freshAddressesOfOneSlash64AreOneClient() throws Exception {
        Campaign campaign = campaign("ipv6");
        List<Integer> statuses = new ArrayList<>();
        for (String client : List.of(
                "2001:db8:abcd:12::1",
                "2001:db8:abcd:12:ffff:ffff:ffff:ffff",
                "2001:db8:abcd:12:1:2:3:4",
                "2001:db8:abcd:12::beef",
                "2001:db8:abcd:12:dead::1")) {
            statuses.add(checkout(campaign, client));
        }
        assertThat(statuses).containsExactly(201, 201, 201, 429, 429);
        assertThat(checkout(campaign, "2001:db8:abcd:13::1")).as("the next /64").isEqualTo(201);
        assertThat(checkout(campaign, "203.0.113.9"))
                .as("an IPv4 client by its address")
                .isEqualTo(201);
    }
}

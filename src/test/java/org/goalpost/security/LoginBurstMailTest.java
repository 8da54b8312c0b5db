package org.goalpost.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.SlowTest;
import org.goalpost.testing.Smtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A burst of failed sign-ins to one account, from many clients (a distributed guess): brute force
 * is still slowed, the owner is told by email once (not once per failure), and still signs in.
 */
@AppTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "goalpost.receipts.from=alerts@daily.example"})
@SlowTest
class LoginBurstMailTest {

    @RegisterExtension
    static final Smtp SMTP = new Smtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffUsers users;

    private String attempt(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", email)
                        .param("password", password)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void theOwnerIsToldOnceOfABurstOfFailuresFromManyClientsAndStillSignsIn() throws Exception {
        String email = "editor-" + UUID.randomUUID().toString().substring(0, 8) + "@newsroom.test";
        users.create(email, "Editor", "Patient-walrus-sorts-44-stamps", "staff");
        for (int i = 0; i < LoginThrottle.BURST * 2; i++) {
            assertThat(attempt(email, "Guess-" + i, "192.0.2." + (i + 1))).isEqualTo("/login?error");
        }
        List<MimeMessage> mails = SMTP.to(email, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Failed sign-ins to your Goalpost staff account");
        assertThat(Smtp.body(mails.get(0)))
                .contains(LoginThrottle.BURST + " failed sign-ins")
                .contains("10 device(s)")
                .contains("your own sign-ins from a device without failures are not blocked");
        assertThat(attempt(email, "Patient-walrus-sorts-44-stamps", "198.51.100.7"))
                .endsWith("/staff");
        assertThat(SMTP.after(email, java.time.Duration.ofMillis(500)))
                .as("one notice an hour, not one per failure")
                .hasSize(1);
    }
}

package org.goalpost.security;

import org.goalpost.shared.text.EmailAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * At start-up: the first admin from {@code GOALPOST_ADMIN_EMAIL} and {@code GOALPOST_ADMIN_PASSWORD}
 * when no admin exists (a password the policy refuses stops the start, saying why), and the admin
 * API token from {@code GOALPOST_ADMIN_API_TOKEN}. There is no default password anywhere.
 */
@Component
class StaffBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

    private final StaffUsers users;
    private final ApiTokens tokens;
    private final String email;
    private final String password;
    private final String apiToken;

    StaffBootstrap(
            StaffUsers users,
            ApiTokens tokens,
            @Value("${goalpost.admin.email:}") String email,
            @Value("${goalpost.admin.password:}") String password,
            @Value("${goalpost.admin.api-token:}") String apiToken) {
        this.users = users;
        this.tokens = tokens;
        this.email = email;
        this.password = password;
        this.apiToken = apiToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
            if (!users.anyAdmin()) {
                try {
                    users.bootstrapAdmin(email, password);
                } catch (org.goalpost.shared.web.InvalidInputException e) {
                    throw new IllegalStateException(
                            "GOALPOST_ADMIN_EMAIL / GOALPOST_ADMIN_PASSWORD refused: " + e.getMessage());
                }
                log.info("Created the first admin, {}", EmailAddresses.normalise(email));
            }
        } else if (!users.anyAdmin()) {
            log.warn(
                    "No staff admin yet: set GOALPOST_ADMIN_EMAIL and GOALPOST_ADMIN_PASSWORD to create the first one");
        }
        tokens.seed(apiToken);
    }
}

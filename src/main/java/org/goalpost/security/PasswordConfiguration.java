package org.goalpost.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored by a DelegatingPasswordEncoder: bcrypt today, and whatever a stored hash's {id} prefix
 * names.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /**
     * A typed password longer than bcrypt takes (72 bytes) cannot be any staff member's (the policy
     * refuses such passwords): it does not match, rather than failing the login with an error.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return delegate.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                if (raw != null
                        && raw.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                                > PasswordPolicy.MAX_BYTES) {
                    return false;
                }
                return delegate.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return delegate.upgradeEncoding(encoded);
            }
        };
    }
}

package org.goalpost.security;

import java.time.Clock;
import java.util.List;
import org.goalpost.shared.text.EmailAddresses;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Staff accounts for form login: disabled ones cannot log in, locked ones not until their lock ends. */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffUserRepository repository;
    private final Clock clock;

    StaffUserDetailsService(StaffUserRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String email = EmailAddresses.normalise(username);
        StaffUserRepository.Credentials credentials =
                email == null ? null : repository.credentials(email).orElse(null);
        if (credentials == null) {
            throw new UsernameNotFoundException("no such staff user");
        }
        return User.withUsername(credentials.email())
                .password(credentials.passwordHash())
                .authorities(
                        List.of(new SimpleGrantedAuthority(credentials.role().authority())))
                .disabled(!credentials.enabled())
                .build();
    }
}

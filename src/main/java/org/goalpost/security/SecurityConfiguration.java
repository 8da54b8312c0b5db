package org.goalpost.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The access rules, deny by default: anything not listed as public needs the ADMIN role.
 * Staff logins come with the staff module; until then no user exists and nobody can log in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * The public read path (the widget's data, the SVG, the script, the ping): read-only, public,
     * without session, cookie or CSRF token, so its chain keeps only what it needs, CORS and the
     * security headers, which makes it about as cheap as the servlet container allows.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicReadPath(HttpSecurity http, CorsConfigurationSource campaignCorsSource) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/api/campaigns"),
                        paths.matcher(HttpMethod.GET, "/api/campaigns/*"), paths.matcher(HttpMethod.GET, "/api/ping"),
                        paths.matcher(HttpMethod.GET, "/widget.js"), paths.matcher(HttpMethod.GET, "/widget/*")))
                .cors(cors -> cors.configurationSource(campaignCorsSource))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .headers(SecurityConfiguration::framing);
        return http.build();
    }

    /**
     * Stripe's webhook: no session, cookie or CSRF token (Stripe signs every event, and the
     * endpoint checks the signature itself), so its chain keeps only the security headers.
     */
    @Bean
    @Order(0)
    SecurityFilterChain stripeWebhook(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/stripe/webhook"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .headers(SecurityConfiguration::framing);
        return http.build();
    }

    /** The widget's iframe may be framed by its campaign's sites (it sets frame-ancestors); nothing else may be. */
    private static void framing(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher widgetFrame = PathPatternRequestMatcher.withDefaults().matcher("/widget/**");
        headers.frameOptions(frame -> frame.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(widgetFrame),
                        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)));
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, CorsConfigurationSource campaignCorsSource) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/campaigns/**", "/api/campaigns", "/api/campaigns/**", "/api/ping", "/css/**",
                                "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/stripe/webhook", "/test-checkout/**", "/widget.js", "/widget/**")
                        .permitAll()
                        .anyRequest().hasRole("ADMIN"))
                // Stripe signs its webhook; the checkout API is called by the widget from other sites.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/stripe/webhook", "/api/campaigns/*/checkout"))
                .cors(cors -> cors.configurationSource(campaignCorsSource))
                .headers(SecurityConfiguration::framing)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }

    /** No users yet: keeps Spring Boot from inventing one with a generated password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}

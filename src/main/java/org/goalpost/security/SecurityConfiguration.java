package org.goalpost.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.goalpost.shared.web.ContentSecuritySources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what, deny by default. Six chains, most specific first:
 * <ol>
 * <li>Stripe's webhook: signed by Stripe, no session, no CSRF;</li>
 * <li>the public read path (the widget's data, the SVG, the script): no session, CORS per campaign;</li>
 * <li>the staff API {@code /api/staff/**}: API tokens ({@code Authorization: Bearer}), no session; reading needs
 * STAFF or ADMIN, changing needs ADMIN, and so do privacy requests;</li>
 * <li>Prometheus's scrape: a scrape token, no session;</li>
 * <li>the donor portal: a one-time link signs a donor in for 30 minutes, CSRF on every form;</li>
 * <li>everything else: public pages, and the staff pages behind a form login, CSRF on every form.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String STAFF = StaffRole.STAFF.name();
    private static final String ADMIN = StaffRole.ADMIN.name();

    private final String contentSecurityPolicy;

    SecurityConfiguration(List<ContentSecuritySources> sources) {
        this.contentSecurityPolicy = contentSecurityPolicy(
                sources.stream().flatMap(s -> s.origins().stream()).distinct().toList());
    }

    /**
     * Stripe's webhook: no session, cookie or CSRF token (Stripe signs every event, and the
     * endpoint checks the signature itself), so its chain keeps only the security headers.
     */
    @Bean
    @Order(0)
    SecurityFilterChain stripeWebhook(HttpSecurity http) throws Exception {
        http.securityMatcher(paths().matcher(HttpMethod.POST, "/stripe/webhook"));
        return lean(http).build();
    }

    /**
     * The public read path (the widget's data, the SVG, the script, the ping, and the views beacon, which only
     * counts): public,
     * without session, cookie or CSRF token, so its chain keeps only what it needs, CORS and the
     * security headers, which makes it about as cheap as the servlet container allows.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicReadPath(HttpSecurity http, CorsConfigurationSource campaignCorsSource) throws Exception {
        PathPatternRequestMatcher.Builder paths = paths();
        http.securityMatcher(new OrRequestMatcher(
                        paths.matcher(HttpMethod.GET, "/api/campaigns"),
                        paths.matcher(HttpMethod.GET, "/api/campaigns/*"),
                        paths.matcher(HttpMethod.POST, "/api/campaigns/*/views"),
                        paths.matcher(HttpMethod.GET, "/api/ping"),
                        paths.matcher(HttpMethod.GET, "/widget.js"),
                        paths.matcher(HttpMethod.GET, "/widget/*")))
                .cors(cors -> cors.configurationSource(campaignCorsSource));
        return lean(http).build();
    }

    /**
     * Prometheus's scrape of {@code /actuator/prometheus}: only with {@code Authorization: Bearer}
     * and the scrape token from {@code GOALPOST_METRICS_TOKEN} (closed when none is set); no session.
     */
    @Bean
    @Order(2)
    SecurityFilterChain metricsScrape(HttpSecurity http, @Value("${goalpost.metrics.token:}") String metricsToken)
            throws Exception {
        http.securityMatcher(paths().matcher(HttpMethod.GET, "/actuator/prometheus"))
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(ScrapeToken.matches(
                                metricsToken, context.getRequest().getHeader("Authorization")))))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler((request, response, e) ->
                                ProblemResponses.unauthorized().commence(request, response, null)));
        return lean(http).build();
    }

    /** The staff API: API tokens only, no session or cookie (so no CSRF), problem details on 401 and 403. */
    @Bean
    @Order(3)
    SecurityFilterChain staffApi(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher(paths().matcher("/api/staff/**"))
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/api/staff/privacy", "/api/staff/privacy/**", "/api/staff/reconciler/**")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/staff/**")
                        .hasAnyRole(STAFF, ADMIN)
                        .anyRequest()
                        .hasRole(ADMIN))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .headers(this::framing)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    /**
     * The donor portal: a donor signs in with the one-time link mailed to them (Spring Security's one-time-token
     * login; the portal module's {@link OneTimeTokenService} stores only the links' hashes and uses each once), for 30
     * minutes. The sign-in is kept under its own session key, so a staff login in the same browser is neither replaced
     * nor ended by it, and signing out ends only the portal's. Links are made by the portal's request form (rate
     * limits, the same answer for every address), never by Spring's generation endpoint, which this chain leaves out.
     */
    @Bean
    @Order(4)
    SecurityFilterChain donorPortal(HttpSecurity http, OneTimeTokenService donorLinks, Clock clock) throws Exception {
        PathPatternRequestMatcher.Builder paths = paths();
        HttpSessionSecurityContextRepository donors = new HttpSessionSecurityContextRepository();
        donors.setSpringSecurityContextKey(DonorSignIn.SESSION_KEY);
        SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();
        signOut.setInvalidateHttpSession(false);
        signOut.setSecurityContextRepository(donors);
        LogoutFilter signOutFilter = new LogoutFilter(
                (request, response, signedOut) -> DonorSignIn.redirect(request, response, "/donors/signed-out"),
                signOut);
        signOutFilter.setLogoutRequestMatcher(paths.matcher(HttpMethod.POST, "/donors/portal/sign-out"));
        http.securityMatcher(new OrRequestMatcher(
                        paths.matcher(HttpMethod.POST, "/donors/manage/*"),
                        paths.matcher("/donors/portal"),
                        paths.matcher("/donors/portal/**")))
                .securityContext(context -> context.securityContextRepository(donors))
                .oneTimeTokenLogin(links -> links.tokenService(donorLinks)
                        .loginPage("/donors/manage")
                        .loginProcessingUrl("/donors/manage/*")
                        .authenticationConverter(DonorSignIn::tokenOf)
                        .authenticationProvider(DonorSignIn.provider(donorLinks, clock))
                        .successHandler(DonorSignIn::toPortal)
                        .failureHandler((request, response, e) ->
                                DonorSignIn.redirect(request, response, "/donors/link-expired"))
                        .showDefaultSubmitPage(false)
                        .tokenGeneratingUrl("/donors/links/not-here")
                        .tokenGenerationSuccessHandler(
                                (request, response, token) -> response.sendError(HttpStatus.NOT_FOUND.value())))
                .authorizeHttpRequests(requests -> requests.anyRequest().access(DonorSignIn.current(clock)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
                                response.sendRedirect(request.getContextPath() + "/donors/manage"))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                response.sendError(HttpStatus.FORBIDDEN.value());
                            } else {
                                response.sendRedirect(request.getContextPath() + "/donors/manage");
                            }
                        }))
                .addFilterAfter(signOutFilter, CsrfFilter.class)
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(this::framing);
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain pages(
            HttpSecurity http,
            CorsConfigurationSource campaignCorsSource,
            StaffUserRepository users,
            LoginThrottle throttle,
            Clock clock)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/campaigns/**",
                                "/api/campaigns",
                                "/api/campaigns/**",
                                "/api/ping",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/robots.txt",
                                "/error",
                                "/login",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/test-checkout/**",
                                "/widget.js",
                                "/widget/**",
                                "/v3/api-docs/public",
                                "/v3/api-docs.yaml/public",
                                "/donors/manage",
                                "/donors/manage/*",
                                "/donors/link-expired",
                                "/donors/signed-out",
                                "/donors/card/*",
                                "/donors/card-updated")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/staff/campaigns/new",
                                "/staff/campaigns/*/edit",
                                "/staff/users/**",
                                "/staff/tokens/**",
                                "/staff/audit/**",
                                "/staff/donations/*/refund",
                                "/staff/offline-gifts/**",
                                "/staff/reconciler",
                                "/staff/reconciler/**")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/staff",
                                "/staff/**",
                                "/v3/api-docs",
                                "/v3/api-docs.yaml",
                                "/v3/api-docs/staff",
                                "/v3/api-docs.yaml/staff")
                        .hasAnyRole(STAFF, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/staff/mode")
                        .hasAnyRole(STAFF, ADMIN)
                        .requestMatchers("/staff/**")
                        .hasRole(ADMIN)
                        .anyRequest()
                        .hasRole(ADMIN))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(StaffSessionFilter.onLogin(users, clock))
                        .failureUrl("/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("GOALPOST_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(blockedAddresses(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new StaffSessionFilter(users, clock), BasicAuthenticationFilter.class)
                // The checkout API is called by the widget from other sites; the public donate form and asking for a
                // donor's link need no session. Using a link (the portal's chain) carries the CSRF token of the link's
                // page, so that another site cannot sign a reader into someone else's portal.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        "/api/campaigns/*/checkout", "/campaigns/*/donate", "/donors/manage"))
                .cors(cors -> cors.configurationSource(campaignCorsSource))
                .headers(this::framing)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(loginOrUnauthorized()))
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    /**
     * Refuses a login attempt from a client that failed too often lately (overall, or for this
     * account), before any password is checked; a refused attempt is not counted.
     */
    private static OncePerRequestFilter blockedAddresses(LoginThrottle throttle) {
        RequestMatcher login = paths().matcher(HttpMethod.POST, "/login");
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                if (login.matches(request)
                        && throttle.refused(request.getParameter("username"), request.getRemoteAddr())) {
                    response.sendRedirect(request.getContextPath() + "/login?error");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Pages send an anonymous caller to the login form, whatever it accepts; the API and actuator answer 401. */
    private static AuthenticationEntryPoint loginOrUnauthorized() {
        RequestMatcher machines = new OrRequestMatcher(paths().matcher("/actuator/**"), paths().matcher("/api/**"));
        AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) ->
                (machines.matches(request) ? unauthorized : login).commence(request, response, e);
    }

    private HttpSecurity lean(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .headers(this::framing);
    }

    /**
     * What the browser may load and who may frame us, on every answer. Scripts and styles come
     * from this app only, with no inline script anywhere (style attributes place the bar's markers);
     * no plugins, no {@code <base>}. The widget's iframe is the one page that other sites may frame:
     * it sends its own policy with its campaign's {@code frame-ancestors}. Another module's origins
     * ({@link ContentSecuritySources}: the person check's provider, when one is configured) are
     * added to the scripts, frames, styles and calls allowed.
     */
    static String contentSecurityPolicy(List<String> origins) {
        String more = origins.isEmpty() ? "" : " " + String.join(" ", origins);
        return "default-src 'self'; script-src 'self'" + more + "; style-src 'self' 'unsafe-inline'" + more + "; "
                + "img-src 'self' data:; connect-src 'self'" + more + ";"
                + (origins.isEmpty() ? "" : " frame-src 'self'" + more + ";")
                + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    }

    private void framing(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher everythingButTheWidgetFrame = new NegatedRequestMatcher(widgetFrame());
        headers.frameOptions(frame -> frame.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        everythingButTheWidgetFrame,
                        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        everythingButTheWidgetFrame,
                        new StaticHeadersWriter("Content-Security-Policy", contentSecurityPolicy)))
                .referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    /** {@code GET /widget/{slug}}, the iframe; not its SVG. */
    private static RequestMatcher widgetFrame() {
        RequestMatcher widget = paths().matcher("/widget/*");
        return request -> widget.matches(request) && !request.getRequestURI().endsWith(".svg");
    }

    private static PathPatternRequestMatcher.Builder paths() {
        return PathPatternRequestMatcher.withDefaults();
    }
}

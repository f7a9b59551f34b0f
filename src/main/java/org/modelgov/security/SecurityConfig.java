package org.modelgov.security;

import org.modelgov.common.GovernanceRole;
import org.modelgov.evidence.EvidenceService;
import org.modelgov.inventory.InventoryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Who may reach what. Four chains:
 * <ul>
 *   <li>{@code /engine-rest/**} and {@code /camunda/**}: HTTP Basic for the engine REST API
 *       (Camunda's filter); Tasklist/Cockpit/Admin pages need ModelGov's login and get it by single
 *       sign-on ({@link SpringSecurityCamundaAuthenticationProvider});</li>
 *   <li>{@code /api/**}: stateless HTTP Basic, 401/403 as JSON problems; reads (GET) also accept the pages'
 *       login, so a page can link to the API ({@link SessionReadsOnApi});</li>
 *   <li>{@code /actuator/**}: health probes open to all (details for administrators only), everything else
 *       (metrics, Prometheus, info) for administrators, stateless HTTP Basic like the API;</li>
 *   <li>everything else (ModelGov's pages): a login form and a session.</li>
 * </ul>
 */
@Configuration
class SecurityConfig {

    // the URL rules repeat the services' own checks up front; the group lists are the services'
    static final String[] MAY_EDIT_INVENTORY = InventoryService.MAY_REGISTER.toArray(String[]::new);
    static final String[] MAY_CREATE_EVIDENCE = EvidenceService.MAY_CREATE.toArray(String[]::new);
    /** GuardDuty findings over HTTPS: the security integration identity and administrators (GuardDutyIntake). */
    static final String[] MAY_POST_SECURITY_FINDINGS = {GovernanceRole.SECURITY_INTEGRATION_GROUP,
            GovernanceRole.GOVERNANCE_ADMIN.groupId(), GovernanceRole.CAMUNDA_ADMIN_GROUP};
    /**
     * Logged in, and not only as an integration: the identities EventBridge posts findings with and a monitoring
     * pipeline posts metric samples with read nothing, so their credentials, if leaked, show no inventory, incident
     * or audit data.
     */
    static final AuthorizationManager<RequestAuthorizationContext> NOT_ONLY_AN_INTEGRATION =
            (authentication, context) -> {
                Authentication user = authentication.get();
                boolean loggedIn = user != null && user.isAuthenticated()
                        && !(user instanceof AnonymousAuthenticationToken);
                boolean onlyIntegration = loggedIn && !user.getAuthorities().isEmpty() && user.getAuthorities()
                        .stream().allMatch(a -> GovernanceRole.INTEGRATION_GROUPS.contains(a.getAuthority()));
                return new AuthorizationDecision(loggedIn && !onlyIntegration);
            };

    /** Who reads metrics and health details; the same groups as management.endpoint.health.roles. */
    static final String[] MAY_OPERATE = {GovernanceRole.GOVERNANCE_ADMIN.groupId(), GovernanceRole.CAMUNDA_ADMIN_GROUP};

    /**
     * The request's path inside the application. Chains are matched on it: the engine REST API is a
     * Jersey servlet, not Spring MVC, so MVC-aware matchers would not see it.
     */
    static String pathOf(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static boolean isCamundaPath(jakarta.servlet.http.HttpServletRequest request) {
        String path = pathOf(request);
        return path.equals("/engine-rest") || path.startsWith("/engine-rest/")
                || path.equals("/camunda") || path.startsWith("/camunda/");
    }

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /**
     * Camunda's REST filter leaves the engine list ({@code /engine-rest/engine}) open by design; ModelGov
     * wants a login for every engine REST call, so that one path is checked here.
     */
    @Bean
    @Order(0)
    SecurityFilterChain engineListChain(HttpSecurity http, JsonProblemEntryPoint entryPoint) throws Exception {
        return http
                .securityMatcher(request -> java.util.Set.of("/engine-rest/engine", "/engine-rest/engine/")
                        .contains(pathOf(request)))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(SecurityConfig::isCamundaPath)
                // the apps' pages need ModelGov's login (single sign-on); their API calls and the engine
                // REST API are checked by Camunda's own filters
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(SecurityConfig::isCamundaAppPage).authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    static boolean isCamundaAppPage(jakarta.servlet.http.HttpServletRequest request) {
        String path = pathOf(request);
        return path.equals("/camunda/app") || path.startsWith("/camunda/app/");
    }

    /**
     * Load balancers and the container's probes call health without a login; a Basic login of an administrator
     * also sees its components. Metrics show the whole portfolio's workload: administrators only.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, JsonProblemEntryPoint entryPoint,
                                      JsonProblemAccessDeniedHandler accessDenied) throws Exception {
        return http
                .securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyAuthority(MAY_OPERATE))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // reads only, with Basic credentials and no cookies: CSRF does not apply
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, JsonProblemEntryPoint entryPoint,
                                 JsonProblemAccessDeniedHandler accessDenied) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        // SNS cannot log in; SnsMessageVerifier authenticates each message by its AWS signature
                        .requestMatchers(HttpMethod.POST, "/api/sns/notifications").permitAll()
                        // an EventBridge API destination logs in as the security integration user
                        .requestMatchers(HttpMethod.POST, "/api/security/guardduty-findings")
                        .hasAnyAuthority(MAY_POST_SECURITY_FINDINGS)
                        // a monitoring pipeline logs in as the monitoring integration user; MetricSamples checks who
                        .requestMatchers(HttpMethod.POST, "/api/endpoints/*/variants/*/metric-samples").authenticated()
                        // validators and incident responders report drift too; LifecycleService checks who
                        .requestMatchers(HttpMethod.POST, "/api/models/*/versions/*/drift-reports").authenticated()
                        // incident responders break the glass; IncidentService checks who
                        .requestMatchers(HttpMethod.POST, "/api/models/*/break-glass", "/api/models/*/break-glass/undo")
                        .authenticated()
                        // incident responders and governance administrators stop an A/B test; ChallengerStage checks who
                        .requestMatchers(HttpMethod.POST, "/api/models/*/ab-test/stop").authenticated()
                        // the model's people, validators, risk and compliance officers scan; PersonalDataScans checks who
                        .requestMatchers(HttpMethod.POST, "/api/models/*/versions/*/personal-data-scans")
                        .authenticated()
                        // incident responders and the model's owner start exercises; ExerciseService checks who
                        .requestMatchers(HttpMethod.POST, "/api/models/*/exercises").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/models", "/api/models/**")
                        .hasAnyAuthority(MAY_EDIT_INVENTORY)
                        .requestMatchers(HttpMethod.PATCH, "/api/models/**").hasAnyAuthority(MAY_EDIT_INVENTORY)
                        .requestMatchers(HttpMethod.POST, "/api/reports", "/api/reports/**")
                        .hasAnyAuthority(MAY_CREATE_EVIDENCE)
                        .anyRequest().access(NOT_ONLY_AN_INTEGRATION))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // GETs read the pages' session (a report page's "Download JSON"); writes never do, see below
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SessionReadsOnApi())))
                // writes take no cookies, no browser-sent credentials beyond Basic: CSRF does not apply
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/models/new").hasAnyAuthority(MAY_EDIT_INVENTORY)
                        .requestMatchers(HttpMethod.POST, "/models").hasAnyAuthority(MAY_EDIT_INVENTORY)
                        .anyRequest().access(NOT_ONLY_AN_INTEGRATION))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/models", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }
}

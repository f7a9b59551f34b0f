package org.modelgov.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine REST API needs a login (HTTP Basic, Camunda users) and is shielded from expression
 * injection; Camunda's apps share ModelGov's login.
 */
@Configuration
class EngineRestSecurityConfig {

    @Bean
    FilterRegistrationBean<ExpressionInjectionGuard> expressionInjectionGuard(ObjectMapper json) {
        FilterRegistrationBean<ExpressionInjectionGuard> registration =
                new FilterRegistrationBean<>(new ExpressionInjectionGuard(json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // first of all filters, so nothing downstream has read or acted on the request yet
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("expressionInjectionGuard");
        return registration;
    }

    /**
     * One login for ModelGov and Camunda's apps: runs after Spring Security (which has loaded the
     * session's login) and before the webapps' own authentication filter, which then finds the user.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaAppsSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addUrlPatterns("/camunda/*");
        registration.addInitParameter("authentication-provider",
                SpringSecurityCamundaAuthenticationProvider.class.getName());
        registration.setName("camundaAppsSingleSignOn");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engineRestAuthentication");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}

package org.modelgov.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * ModelGov's own settings ({@code modelgov.*}); every one can be overridden by an environment
 * variable (e.g. {@code MODELGOV_INTEGRATION=aws}, {@code MODELGOV_ADMIN_USER_ID}).
 *
 * @param integration which adapters talk to the outside world: {@code local} (default, nothing
 *     outside this machine) or {@code aws}
 * @param demoData create demo users (password {@code demo}) and demo models at start-up
 * @param admin the first administrator, created at start-up when set and missing
 */
@Validated
@ConfigurationProperties("modelgov")
public record ModelGovProperties(
        @DefaultValue("local") IntegrationMode integration,
        @DefaultValue("false") boolean demoData,
        @DefaultValue Admin admin) {

    public enum IntegrationMode { LOCAL, AWS }

    /** The first administrator; no default account exists outside demo mode. */
    public record Admin(String userId, String password, @DefaultValue("ModelGov") String firstName,
                        @DefaultValue("Administrator") String lastName, String email) {

        public boolean isConfigured() {
            return userId != null && !userId.isBlank();
        }
    }
}

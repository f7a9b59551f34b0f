package org.modelgov.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started ModelGov where to go and how to log in. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ModelGovProperties properties;
    private final Environment environment;

    StartupReport(ModelGovProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String logins = properties.demoData()
                ? "Demo users (password 'demo'): owner, risk, validator, ethics, business, approver1, approver2,"
                        + " responder, compliance, admin"
                : properties.admin().isConfigured()
                        ? "Log in as the administrator '" + properties.admin().userId() + "'"
                        : "No demo users: set MODELGOV_ADMIN_USER_ID and MODELGOV_ADMIN_PASSWORD for the first administrator";
        log.info("""

                ModelGov is running ({} integration mode)
                  Inventory and pages: {}/
                  Tasklist:            {}/camunda/app/tasklist/
                  Cockpit:             {}/camunda/app/cockpit/
                  ModelGov API:        {}/api/models
                  Engine REST API:     {}/engine-rest/engine
                  {}
                """, properties.integration().name().toLowerCase(), base, base, base, base, base, logins);
    }
}

package org.modelgov.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.modelgov.common.GovernanceRole.CAMUNDA_ADMIN_GROUP;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.modelgov.common.GovernanceRole;
import org.modelgov.config.ModelGovProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start, that the governance groups exist with their Camunda authorizations,
 * that Tasklist has its standard filters, and that the configured first administrator exists.
 * Every step checks before it creates, so restarts and several nodes starting at once are safe.
 */
@Component
@Order(0)
class GovernanceIdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GovernanceIdentitySetup.class);

    /** Which web apps each role opens. Tasklist is for everyone. */
    private static final Set<GovernanceRole> COCKPIT_USERS = EnumSet.of(GovernanceRole.RISK_OFFICER,
            GovernanceRole.COMPLIANCE_OFFICER, GovernanceRole.GOVERNANCE_ADMIN, GovernanceRole.COMMITTEE_MEMBER,
            GovernanceRole.INCIDENT_RESPONDER);
    /** Roles that may read every process, decision, task and its history (oversight and audit). */
    private static final Set<GovernanceRole> READ_EVERYTHING = EnumSet.of(GovernanceRole.COMPLIANCE_OFFICER,
            GovernanceRole.RISK_OFFICER, GovernanceRole.GOVERNANCE_ADMIN);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final ModelGovProperties properties;

    GovernanceIdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                            TaskService tasks, ModelGovProperties properties) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureCamundaAdminGroup();
        // posts GuardDuty findings only: no Camunda authorization at all
        ensureGroup(GovernanceRole.SECURITY_INTEGRATION_GROUP, "Security integrations (GuardDuty)",
                Groups.GROUP_TYPE_SYSTEM);
        // posts A/B metric samples only (local mode): no Camunda authorization either
        ensureGroup(GovernanceRole.MONITORING_INTEGRATION_GROUP, "Monitoring integrations (A/B metric samples)",
                Groups.GROUP_TYPE_SYSTEM);
        for (GovernanceRole role : GovernanceRole.values()) {
            ensureGroup(role.groupId(), role.displayName(), "WORKFLOW");
            grantRole(role);
        }
        ensureTaskFilters();
        ensureFirstAdministrator();
    }

    private void ensureCamundaAdminGroup() {
        ensureGroup(CAMUNDA_ADMIN_GROUP, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        for (Resource resource : Resources.values()) {
            grant(CAMUNDA_ADMIN_GROUP, resource, ANY, Permissions.ALL);
        }
    }

    private void grantRole(GovernanceRole role) {
        String group = role.groupId();
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        if (COCKPIT_USERS.contains(role)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        }
        grant(group, Resources.FILTER, ANY, Permissions.READ);
        // start processes from Tasklist (e.g. register a model version, report an incident)
        grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        if (READ_EVERYTHING.contains(role)) {
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE,
                    Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ);
            grant(group, Resources.TASK, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    /** Grants the permissions, adding to an existing grant of the same group, resource and id. */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission p : permissions) {
            if (!authorization.isPermissionGranted(p)) {
                authorization.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }

    private void ensureTaskFilters() {
        // stored-query expressions are resolved by the engine for the logged-in user; no request carries them
        ensureFilter("My tasks", "Tasks assigned to me", -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter("My groups' tasks", "Unassigned tasks for my roles", -5,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
        ensureFilter("All tasks I may see", "Every open task I am allowed to read", 0, tasks.createTaskQuery());
    }

    /**
     * Shown on each task's card in Tasklist's list, so reviewers see which model, version and tier a task is about
     * (Tasklist folds a card's variables after the second, so version and tier share one).
     * ModelGov writes them on every governed task when it is created (workflow.TaskDisplayListener).
     */
    static final List<Map<String, String>> LISTED_VARIABLES = List.of(
            Map.of("name", "modelName", "label", "Model"),
            Map.of("name", "versionAndTier", "label", "Version and tier"));

    private void ensureFilter(String name, String description, int priority, org.camunda.bpm.engine.task.TaskQuery query) {
        Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
                "variables", LISTED_VARIABLES);
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (existing.getProperties() == null
                    || !LISTED_VARIABLES.equals(existing.getProperties().get("variables"))) {
                // filters created by an earlier ModelGov gain the variables listed now
                Map<String, Object> upgraded = new java.util.HashMap<>(
                        existing.getProperties() == null ? Map.of() : existing.getProperties());
                upgraded.put("variables", LISTED_VARIABLES);
                filters.saveFilter(existing.setProperties(upgraded));
            }
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setOwner(null)
                .setQuery(query)
                .setProperties(properties);
        filters.saveFilter(filter);
        log.info("Created Tasklist filter '{}'", name);
    }

    private void ensureFirstAdministrator() {
        ModelGovProperties.Admin admin = properties.admin();
        if (!admin.isConfigured()) {
            if (!properties.demoData() && identity.createUserQuery().memberOfGroup(CAMUNDA_ADMIN_GROUP).count() == 0) {
                log.warn("No administrator exists. Set MODELGOV_ADMIN_USER_ID and MODELGOV_ADMIN_PASSWORD to create"
                        + " the first one at start-up.");
            }
            return;
        }
        if (admin.password() == null || admin.password().isBlank()) {
            throw new IllegalStateException("MODELGOV_ADMIN_USER_ID is set but MODELGOV_ADMIN_PASSWORD is empty:"
                    + " set a password for the first administrator");
        }
        if (CamundaUsers.ensure(identity, admin.userId(), admin.firstName(), admin.lastName(), admin.email(),
                admin.password(), List.of(CAMUNDA_ADMIN_GROUP, GovernanceRole.GOVERNANCE_ADMIN.groupId()))) {
            log.info("Created the first administrator '{}'", admin.userId());
        }
    }
}

package org.modelgov.demo;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.modelgov.common.GovernanceRole;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.Deployment;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelDetails;
import org.modelgov.inventory.RegisterModel;
import org.modelgov.inventory.RegisterVersion;
import org.modelgov.inventory.SecurityPosture;
import org.modelgov.inventory.ValidationInputs;
import org.modelgov.lifecycle.LifecycleService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.modelgov.security.CamundaUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users (one per role, password {@code demo}) and a few demo models, only when
 * {@code modelgov.demo-data=true}. Runs after the groups exist; skips what is already there.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "modelgov.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** user id, first name, last name, groups. */
    record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("owner", "Olivia", "Owner", List.of(GovernanceRole.MODEL_OWNER.groupId())),
            new DemoUser("risk", "Rafael", "Risk", List.of(GovernanceRole.RISK_OFFICER.groupId())),
            new DemoUser("validator", "Vera", "Validator", List.of(GovernanceRole.VALIDATOR.groupId())),
            new DemoUser("ethics", "Ethan", "Ethics", List.of(GovernanceRole.ETHICS_REVIEWER.groupId())),
            new DemoUser("business", "Bea", "Business", List.of(GovernanceRole.BUSINESS_OWNER.groupId())),
            new DemoUser("approver1", "Ada", "Approver", List.of(GovernanceRole.COMMITTEE_MEMBER.groupId())),
            new DemoUser("approver2", "Alan", "Approver", List.of(GovernanceRole.COMMITTEE_MEMBER.groupId())),
            new DemoUser("responder", "Rosa", "Responder", List.of(GovernanceRole.INCIDENT_RESPONDER.groupId())),
            new DemoUser("compliance", "Carl", "Compliance", List.of(GovernanceRole.COMPLIANCE_OFFICER.groupId())),
            new DemoUser("admin", "Ann", "Admin",
                    List.of(GovernanceRole.GOVERNANCE_ADMIN.groupId(), GovernanceRole.CAMUNDA_ADMIN_GROUP)),
            // a machine identity: posts the A/B metric samples a monitoring pipeline would, reads nothing
            new DemoUser("monitoring", "Monitoring", "Pipeline", List.of(GovernanceRole.MONITORING_INTEGRATION_GROUP)));

    /** Demo datasets shipped in the jar, copied to {@code modelgov.demo-data-dir} so versions can use file: URIs. */
    static final List<String> CREDIT_FILES = List.of("evaluation.csv", "evaluation-biased.csv", "reference.csv",
            "current.csv", "analysis-config.json", "explainability.json");

    private final IdentityService identity;
    private final InventoryService inventory;
    private final LifecycleService lifecycle;
    private final Path dataDir;

    DemoData(IdentityService identity, InventoryService inventory, LifecycleService lifecycle,
             @Value("${modelgov.demo-data-dir:${user.home}/.modelgov/demo-data}") String dataDir) {
        this.identity = identity;
        this.inventory = inventory;
        this.lifecycle = lifecycle;
        this.dataDir = Path.of(dataDir).toAbsolutePath();
    }

    /** The file: URI of a shipped demo file, copying it out of the jar first when needed. */
    String demoFile(String name) {
        Path target = dataDir.resolve("credit").resolve(name);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try (InputStream in = new ClassPathResource("demo/credit/" + name).getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write demo dataset " + target, e);
        }
        return target.toUri().toString();
    }

    @Override
    public void run(ApplicationArguments args) {
        USERS.forEach(this::ensureUser);
        ensureDemoModels();
        // the README's walkthrough registers a version with these: print the exact URIs to paste
        log.info("Demo datasets for new versions (paste into the version form):\n{}", CREDIT_FILES.stream()
                .map(name -> "  " + demoFile(name)).collect(java.util.stream.Collectors.joining("\n")));
    }

    private void ensureUser(DemoUser demo) {
        CamundaUsers.ensure(identity, demo.id(), demo.firstName(), demo.lastName(), demo.id() + "@modelgov.example",
                PASSWORD, demo.groups());
    }

    private void ensureDemoModels() {
        Actor owner = new Actor("owner", Set.of(GovernanceRole.MODEL_OWNER.groupId()));
        register(owner, "CUST-CHURN-001", new ModelDetails("Customer churn predictor",
                "Retention: ranks customers by their risk of leaving so retention teams can call them first",
                "owner", "Customer Analytics",
                new Deployment("churn-xgb-prod", "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1"),
                "Prioritising retention calls; not for pricing or credit decisions",
                null), null);
        register(owner, "CREDIT-SCORE-002", new ModelDetails("Retail credit scoring",
                "Lending: probability of default for consumer loan applications (EU AI Act Annex III, 5(b))",
                "owner", "Retail Credit Risk", new Deployment("credit-pd-prod", null),
                "Decision support for credit officers; a human decides every application",
                null), "3.2.0");
        register(owner, "RESUME-SCREEN-003", new ModelDetails("Résumé screening assistant",
                "Hiring: shortlists applications for recruiters (NYC Local Law 144 automated employment decision tool)",
                "owner", "Talent Acquisition", null,
                "Shortlisting only; recruiters review every rejection", null), null);
    }

    private void register(Actor owner, String id, ModelDetails details, String firstVersionLabel) {
        try {
            inventory.get(id);
            return;
        } catch (org.modelgov.common.NotFoundException absent) {
            // not there yet: register it below
        }
        inventory.register(new RegisterModel(id, details, List.of()), owner);
        if (firstVersionLabel != null) {
            // the demo credit data (synthetic applicants: income, debt ratio, age, sex) serves as every demo
            // version's evaluation data, so the whole lifecycle runs on a laptop
            lifecycle.registerVersion(id, new RegisterVersion(firstVersionLabel, "First governed version",
                    details.deployment().modelPackageArn(), null, demoFile("evaluation.csv"),
                    new ValidationInputs(demoFile("analysis-config.json"), demoFile("reference.csv"),
                            demoFile("current.csv"), demoFile("explainability.json"),
                            new SecurityPosture("alias/modelgov-demo", true, true, true, true)), List.of()), owner);
        }
        log.info("Demo model {} registered", id);
    }
}

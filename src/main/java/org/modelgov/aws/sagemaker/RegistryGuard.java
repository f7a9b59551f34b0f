package org.modelgov.aws.sagemaker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.modelgov.common.EachItem;
import org.modelgov.common.GovernanceRole;
import org.modelgov.incident.IncidentService;
import org.modelgov.incident.ReportIncident;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelVersion;
import org.modelgov.notification.Notification;
import org.modelgov.notification.NotificationSender;
import org.modelgov.registry.ApprovalStatus;
import org.modelgov.registry.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ListModelPackagesRequest;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageSummary;

/**
 * Nothing in AWS stops an approval made in the SageMaker console or by a script; this does. A package in a
 * governed model package group that is Approved without a ModelGov sign-off is set back to
 * PendingManualApproval and an incident is raised. Runs on a schedule and on each EventBridge "SageMaker
 * Model Package State Change" event; both are idempotent (events come more than once). A scheduled run checks
 * each group's listing and each package on its own, so one failing package does not stop or undo the others.
 */
public class RegistryGuard {

    static final String REVERT_DESCRIPTION = "Reverted by ModelGov: approved outside its governance lifecycle"
            + " (no ModelGov sign-off)";
    private static final Logger log = LoggerFactory.getLogger(RegistryGuard.class);

    private final SageMakerClient sageMaker;
    private final InventoryService inventory;
    private final RegistryService registry;
    private final IncidentService incidents;
    private final NotificationSender notifications;
    private final EachItem eachItem;

    public RegistryGuard(SageMakerClient sageMaker, InventoryService inventory, RegistryService registry,
                         IncidentService incidents, NotificationSender notifications, EachItem eachItem) {
        this.sageMaker = sageMaker;
        this.inventory = inventory;
        this.registry = registry;
        this.incidents = incidents;
        this.notifications = notifications;
        this.eachItem = eachItem;
    }

    /** Checks every approved package of every governed group; answers how many approvals were reverted. */
    public int checkAll() {
        List<ModelVersion> governed = inventory.versionsWithPackage();
        int reverted = 0;
        for (String group : groupsOf(governed)) {
            List<String> approved;
            try {
                approved = approvedPackages(group);
            } catch (RuntimeException e) {
                log.warn("Could not list the approved packages of group {}; the other groups go on: {}", group,
                        e.toString(), e);
                continue;
            }
            for (String arn : approved) {
                if (eachItem.run("Guarding " + arn, () -> check(arn, ModelApprovalStatus.APPROVED.toString(),
                        governed))) {
                    reverted++;
                }
            }
        }
        return reverted;
    }

    private List<String> approvedPackages(String group) {
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            var page = sageMaker.listModelPackages(ListModelPackagesRequest.builder().modelPackageGroupName(group)
                    .modelApprovalStatus(ModelApprovalStatus.APPROVED).maxResults(100).nextToken(token).build());
            page.modelPackageSummaryList().stream().map(ModelPackageSummary::modelPackageArn).forEach(arns::add);
            token = page.nextToken();
        } while (token != null);
        return arns;
    }

    /**
     * One package's approval status as SageMaker reports it.
     *
     * @return true when an out-of-band approval was reverted now
     */
    public boolean check(String packageArn, String approvalStatus) {
        return check(packageArn, approvalStatus, inventory.versionsWithPackage());
    }

    private boolean check(String packageArn, String approvalStatus, List<ModelVersion> governed) {
        if (!ModelApprovalStatus.APPROVED.toString().equals(approvalStatus)) {
            return false;
        }
        Optional<ModelVersion> version = governed.stream()
                .filter(v -> packageArn.equals(v.modelPackageArn())).findFirst();
        // ModelGov's own decision is kept before SageMaker is called: an approval in flight is not out of band
        boolean signedOff = version.map(v -> registry.approvedByModelGov(v.id())).orElse(false);
        if (signedOff) {
            return false;
        }
        if (version.isEmpty() && !groupsOf(governed).contains(groupOf(packageArn))) {
            return false; // not a group ModelGov governs
        }
        sageMaker.updateModelPackage(b -> b.modelPackageArn(packageArn)
                .modelApprovalStatus(ModelApprovalStatus.PENDING_MANUAL_APPROVAL)
                .approvalDescription(REVERT_DESCRIPTION));
        log.warn("Reverted the out-of-band approval of {}", packageArn);
        String description = "Model package " + packageArn + " was approved in SageMaker without a ModelGov"
                + " sign-off; ModelGov set it back to PendingManualApproval.";
        if (version.isPresent()) {
            incidents.report(new ReportIncident(version.get().modelId(), "SECURITY", description,
                    "out-of-band-approval:" + packageArn, false, "REGISTRY_GUARD", List.of()), "modelgov");
        } else {
            notifications.send(new Notification("out-of-band-approval:" + packageArn, "OUT_OF_BAND_APPROVAL",
                    "Out-of-band approval reverted: " + groupOf(packageArn), description,
                    List.of(GovernanceRole.RISK_OFFICER.groupId(), GovernanceRole.GOVERNANCE_ADMIN.groupId()),
                    List.of(), null));
        }
        return true;
    }

    /** The model package groups of the versions registered with a package ARN. */
    private static Set<String> groupsOf(List<ModelVersion> governed) {
        Set<String> groups = new LinkedHashSet<>();
        for (ModelVersion v : governed) {
            groups.add(groupOf(v.modelPackageArn()));
        }
        return groups;
    }

    /** {@code arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3} → {@code churn}. */
    static String groupOf(String packageArn) {
        String resource = packageArn.substring(packageArn.indexOf(":model-package/") + ":model-package/".length());
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(0, slash);
    }
}

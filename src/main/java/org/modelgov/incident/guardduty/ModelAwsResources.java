package org.modelgov.incident.guardduty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modelgov.audit.AuditTrail;
import org.modelgov.common.AccessDeniedToActionException;
import org.modelgov.common.Violations;
import org.modelgov.inventory.Actor;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.Model;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AWS resources of a model that GuardDuty findings are matched against besides its endpoint and the buckets
 * its versions' URIs name: the SageMaker execution role (which the inventory cannot derive) and any other bucket
 * it uses. Declared by whoever may change the model (its owner, risk officers, governance administrators).
 */
@Service
public class ModelAwsResources {

    public static final int MAX_PER_KIND = 20;
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:aws[a-z-]*:iam::[0-9]{12}:role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern BUCKET_REF = Pattern.compile("(?:s3://|arn:aws[a-z-]*:s3:::)([^/]+)/?.*");

    private final ModelAwsResourceRepository resources;
    private final InventoryService inventory;
    private final AuditTrail audit;
    private final Clock clock;

    ModelAwsResources(ModelAwsResourceRepository resources, InventoryService inventory, AuditTrail audit, Clock clock) {
        this.resources = resources;
        this.inventory = inventory;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param versionBuckets derived from the versions' URIs (read-only here) */
    public record View(String modelId, List<String> executionRoles, List<String> buckets, List<String> versionBuckets) {
    }

    @Transactional(readOnly = true)
    public View of(String modelId) {
        inventory.get(modelId);
        return view(modelId);
    }

    /**
     * Replaces the model's declared roles and buckets. A role may be given by name or ARN, a bucket by name,
     * {@code s3://} URI or ARN; each is stored by name. {@code malformed}: what the request's reader found wrong,
     * reported with the rest once the caller may change the model.
     */
    @Transactional
    public View declare(String modelId, List<String> executionRoles, List<String> buckets,
                        List<org.modelgov.common.FieldViolation> malformed, Actor actor) {
        Model model = inventory.get(modelId);
        if (!inventory.mayChange(actor, model)) {
            throw new AccessDeniedToActionException("Only the model's owner, risk officers and governance"
                    + " administrators may declare its AWS resources");
        }
        Violations v = new Violations().addAll(malformed);
        Set<String> roles = names(v, "executionRoles", executionRoles, ModelAwsResources::roleName,
                "must be IAM role names or role ARNs (arn:aws:iam::123456789012:role/name)");
        Set<String> bucketNames = names(v, "buckets", buckets, ModelAwsResources::bucketName,
                "must be S3 bucket names, s3:// URIs or bucket ARNs");
        v.throwIfAny();
        View before = view(modelId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ModelAwsResourceRepository.Declared> declared = new ArrayList<>();
        roles.forEach(r -> declared.add(new ModelAwsResourceRepository.Declared(
                ModelAwsResourceRepository.Kind.EXECUTION_ROLE, r, actor.userId(), now)));
        bucketNames.forEach(b -> declared.add(new ModelAwsResourceRepository.Declared(
                ModelAwsResourceRepository.Kind.BUCKET, b, actor.userId(), now)));
        resources.replace(modelId, declared);
        View after = view(modelId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("executionRoles", after.executionRoles());
        details.put("buckets", after.buckets());
        details.put("previousExecutionRoles", before.executionRoles());
        details.put("previousBuckets", before.buckets());
        audit.record(actor.userId(), "MODEL_AWS_RESOURCES_DECLARED", "MODEL", modelId, details);
        return after;
    }

    private View view(String modelId) {
        List<ModelAwsResourceRepository.Declared> declared = resources.declared(modelId);
        return new View(modelId, namesOf(declared, ModelAwsResourceRepository.Kind.EXECUTION_ROLE),
                namesOf(declared, ModelAwsResourceRepository.Kind.BUCKET), resources.versionBuckets(modelId));
    }

    private static List<String> namesOf(List<ModelAwsResourceRepository.Declared> declared,
                                        ModelAwsResourceRepository.Kind kind) {
        return declared.stream().filter(d -> d.kind() == kind).map(ModelAwsResourceRepository.Declared::name)
                .sorted().toList();
    }

    private static Set<String> names(Violations v, String field, List<String> values,
                                     java.util.function.Function<String, String> toName, String rule) {
        Set<String> names = new LinkedHashSet<>();
        if (values == null) {
            return names;
        }
        if (values.size() > MAX_PER_KIND) {
            v.add(field, "at most " + MAX_PER_KIND + " may be declared");
            return names;
        }
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i) == null ? null : toName.apply(values.get(i).strip());
            if (name == null) {
                v.add(field + "[" + i + "]", rule);
            } else {
                names.add(name);
            }
        }
        return names;
    }

    static String roleName(String value) {
        Matcher arn = ROLE_ARN.matcher(value);
        if (arn.matches()) {
            return arn.group(1);
        }
        return ROLE_NAME.matcher(value).matches() ? value : null;
    }

    static String bucketName(String value) {
        Matcher ref = BUCKET_REF.matcher(value);
        String name = ref.matches() ? ref.group(1) : value;
        return BUCKET_NAME.matcher(name).matches() ? name : null;
    }
}

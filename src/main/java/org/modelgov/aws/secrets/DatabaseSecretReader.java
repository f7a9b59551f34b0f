package org.modelgov.aws.secrets;

import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Reads the database secret's current version (GetSecretValue, stage AWSCURRENT) each time it is asked: at start-up,
 * and when the database refuses the credentials after a rotation. IAM: {@code secretsmanager:GetSecretValue} on the
 * secret, and {@code kms:Decrypt} on its key when a customer-managed key encrypts it.
 */
public class DatabaseSecretReader implements Supplier<DatabaseSecret> {

    private final SecretsManagerClient secretsManager;
    private final String secretId;

    public DatabaseSecretReader(SecretsManagerClient secretsManager, String secretId) {
        this.secretsManager = secretsManager;
        this.secretId = secretId;
    }

    public String secretId() {
        return secretId;
    }

    @Override
    public DatabaseSecret get() {
        GetSecretValueResponse value;
        try {
            value = secretsManager.getSecretValue(r -> r.secretId(secretId));
        } catch (SdkException e) {
            // AWS's error says what was refused (access, missing secret, KMS), never the secret's value
            String why = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                    ? service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage()
                    + " (HTTP " + service.statusCode() + ")"
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new IllegalStateException("Secrets Manager GetSecretValue failed for " + secretId + ": " + why, e);
        }
        if (value.secretString() == null) {
            throw new IllegalStateException("Secret " + secretId + " has no SecretString (a binary secret); store the"
                    + " database credentials as JSON text");
        }
        return DatabaseSecret.parse(secretId, value.secretString());
    }

    @Override
    public String toString() {
        return "DatabaseSecretReader[" + secretId + "]";
    }
}

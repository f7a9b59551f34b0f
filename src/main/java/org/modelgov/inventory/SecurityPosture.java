package org.modelgov.inventory;

/**
 * How a model's deployment is secured, as declared at registration (local mode) or read from SageMaker
 * (AWS mode). A null flag means "not declared", which technical validation treats as not in place.
 */
public record SecurityPosture(String kmsKeyId, Boolean networkIsolation, Boolean vpc, Boolean dataCapture,
                              Boolean interContainerEncryption) {

    public static final SecurityPosture UNDECLARED = new SecurityPosture(null, null, null, null, null);

    public boolean encryptedAtRest() {
        return kmsKeyId != null && !kmsKeyId.isBlank();
    }
}

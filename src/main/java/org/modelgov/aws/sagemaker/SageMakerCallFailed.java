package org.modelgov.aws.sagemaker;

import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A SageMaker call failed after the SDK's own retries (throttling, 5xx and timeouts are retried there). Unchecked,
 * so the calling Camunda job fails, is retried on its cycle and then becomes an incident in Cockpit; the message
 * names the operation, the version, the resource and AWS's own error.
 */
public class SageMakerCallFailed extends RuntimeException {

    SageMakerCallFailed(String message, Throwable cause) {
        super(message, cause);
    }

    /** Runs one SDK call; an SDK failure becomes a {@link SageMakerCallFailed} naming {@code operation} and {@code subject}. */
    static <T> T call(String operation, String subject, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new SageMakerCallFailed("SageMaker " + operation + " failed for " + subject + ": " + describe(e), e);
        }
    }

    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            var details = service.awsErrorDetails();
            return details.errorCode() + ": " + details.errorMessage() + " (HTTP " + service.statusCode()
                    + ", request id " + service.requestId() + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

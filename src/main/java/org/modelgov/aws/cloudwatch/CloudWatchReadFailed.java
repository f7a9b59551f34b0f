package org.modelgov.aws.cloudwatch;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reading CloudWatch failed after the SDK's own retries (throttling, 5xx and timeouts are retried there), or
 * CloudWatch said a metric's data could not be read ({@code InternalError}, {@code Forbidden}). Unchecked, so the
 * A/B stage's job fails, is retried on its cycle and then becomes an incident in Cockpit; nothing was changed, the
 * call only reads.
 */
public class CloudWatchReadFailed extends RuntimeException {

    CloudWatchReadFailed(String message, Throwable cause) {
        super(message, cause);
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

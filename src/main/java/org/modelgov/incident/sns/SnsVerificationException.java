package org.modelgov.incident.sns;

/** An SNS message was refused; the message says why (malformed, badly signed, too old, untrusted certificate...). */
public class SnsVerificationException extends RuntimeException {

    public SnsVerificationException(String message) {
        super(message);
    }

    public SnsVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}

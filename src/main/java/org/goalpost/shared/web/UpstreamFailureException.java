package org.goalpost.shared.web;

/**
 * A service we depend on (the payment provider) failed or refused. {@code retryable}: it was
 * unavailable (503, try again); otherwise it refused the request (502). The message is meant for
 * the person who asked and never carries a secret.
 */
public class UpstreamFailureException extends RuntimeException {

    private final boolean retryable;

    public UpstreamFailureException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}

package org.goalpost.shared.web;

/**
 * The caller may not do this here, whoever it is (such as a beacon from a site the campaign is not embedded on):
 * 403.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

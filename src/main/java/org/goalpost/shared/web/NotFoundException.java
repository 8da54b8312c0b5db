package org.goalpost.shared.web;

/** The addressed thing does not exist (or is not public): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}

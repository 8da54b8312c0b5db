package org.goalpost.shared.web;

/** Input that cannot be read at all (a malformed value, a bad signature): 400 problem details naming the field. */
public class MalformedInputException extends InvalidInputException {

    public MalformedInputException(String field, String message) {
        super(field, message);
    }
}

package org.goalpost.shared.web;

import java.util.List;

/**
 * A change that input alone cannot make valid: the state it would change is in use (a campaign's
 * currency while checkouts are open, say). Answered as 409 problem details naming the fields, and
 * as the form's message on pages; nothing was written.
 */
public class ConflictException extends InvalidInputException {

    public ConflictException(List<FieldProblem> problems) {
        super(problems);
    }
}

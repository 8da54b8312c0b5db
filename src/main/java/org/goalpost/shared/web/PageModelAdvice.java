package org.goalpost.shared.web;

import org.goalpost.shared.mode.AppMode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every server-rendered page needs: whether to show the TEST MODE banner, and readable pages
 * for a 404 and for input that cannot be used (400, 422). JSON controllers get problem details from
 * {@link ApiProblemHandler} instead, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

    private final AppMode mode;

    PageModelAdvice(AppMode mode) {
        this.mode = mode;
    }

    @ModelAttribute("testMode")
    boolean testMode() {
        return !mode.isLive();
    }

    /** Something that does not exist (or is not public): a readable page, not a stack trace. */
    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("testMode", !mode.isLive());
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }

    /** A filter or form value that cannot be used, where the page has no form of its own to show it in. */
    @ExceptionHandler(InvalidInputException.class)
    String badInput(InvalidInputException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(
                e instanceof MalformedInputException
                        ? HttpStatus.BAD_REQUEST.value()
                        : HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("testMode", !mode.isLive());
        model.addAttribute("problems", e.problems());
        return "bad-input";
    }
}

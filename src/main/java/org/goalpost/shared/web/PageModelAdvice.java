package org.goalpost.shared.web;

import org.goalpost.shared.mode.AppMode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What every server-rendered page needs: whether to show the TEST MODE banner, and a readable 404. */
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
}

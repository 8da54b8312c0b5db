package org.goalpost.shared.web;

import org.goalpost.shared.mode.AppMode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every server-rendered page needs: whether to show the TEST MODE banner. */
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
}

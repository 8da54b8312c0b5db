package org.goalpost.staff;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.goalpost.shared.mode.AppMode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What every staff page knows: who is signed in, whether they are an admin, and whether they are
 * looking at live or test money (a switch like Stripe's dashboard: {@code ?mode=live|test},
 * remembered for the session; the app's own mode by default).
 */
@ControllerAdvice(basePackageClasses = StaffPageAdvice.class, annotations = Controller.class)
class StaffPageAdvice {

    static final String MODE = "goalpost.staff.livemode";

    private final AppMode appMode;

    StaffPageAdvice(AppMode appMode) {
        this.appMode = appMode;
    }

    @ModelAttribute
    void common(@RequestParam(name = "mode", required = false) String mode, HttpSession session, Principal principal, Model model) {
        if ("live".equals(mode) || "test".equals(mode)) {
            session.setAttribute(MODE, "live".equals(mode));
        }
        model.addAttribute("staffLive", livemode(session, appMode));
        model.addAttribute("staffUser", principal == null ? null : principal.getName());
        model.addAttribute("isAdmin", isAdmin());
    }

    static boolean livemode(HttpSession session, AppMode appMode) {
        Object chosen = session.getAttribute(MODE);
        return chosen instanceof Boolean live ? live : appMode.isLive();
    }

    static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }
}

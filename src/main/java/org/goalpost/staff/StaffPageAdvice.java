package org.goalpost.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.goalpost.shared.mode.AppMode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every staff page knows: who is signed in, whether they are an admin, and whether they are
 * looking at live or test money (a switch like Stripe's dashboard: {@code POST /staff/mode},
 * remembered for the session; the app's own mode by default; a GET never changes it). It applies
 * to the staff pages only: a reader's page or an API call never gets a session from it.
 */
@ControllerAdvice(
        assignableTypes = {
            DashboardController.class,
            StaffCampaignController.class,
            StaffDonationController.class,
            OfflineGiftController.class,
            ExportController.class,
            StaffAdminController.class,
            ReconcilerController.class,
            RecurringController.class,
            AskController.class,
            AttributionController.class
        })
class StaffPageAdvice {

    static final String MODE = "goalpost.staff.livemode";

    private final AppMode appMode;

    StaffPageAdvice(AppMode appMode) {
        this.appMode = appMode;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Principal principal, Model model) {
        model.addAttribute("staffLive", livemode(request.getSession(false), appMode));
        model.addAttribute(
                "staffPath",
                request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("staffUser", principal == null ? null : principal.getName());
        model.addAttribute("isAdmin", isAdmin());
    }

    /**
     * Switches the staff pages between live and test money for this session, and goes back to the page it was
     * pressed on.
     */
    static String switchMode(String mode, String back, HttpServletRequest request) {
        if ("live".equals(mode) || "test".equals(mode)) {
            request.getSession().setAttribute(MODE, "live".equals(mode));
        }
        return "redirect:" + (back != null && back.matches("/staff(/[A-Za-z0-9/_.-]*)?") ? back : "/staff");
    }

    static boolean livemode(HttpSession session, AppMode appMode) {
        Object chosen = session == null ? null : session.getAttribute(MODE);
        return chosen instanceof Boolean live ? live : appMode.isLive();
    }

    static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }
}

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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What every staff page knows: who is signed in, whether they are an admin, and whether they are
 * looking at live or test money (a switch like Stripe's dashboard: {@code ?mode=live|test},
 * remembered for the session; the app's own mode by default). It applies to the staff pages only:
 * a reader's page or an API call never gets a session from it.
 */
@ControllerAdvice(assignableTypes = {DashboardController.class, StaffCampaignController.class, StaffDonationController.class,
        OfflineGiftController.class, ExportController.class, StaffAdminController.class, ReconcilerController.class})
class StaffPageAdvice {

    static final String MODE = "goalpost.staff.livemode";

    private final AppMode appMode;

    StaffPageAdvice(AppMode appMode) {
        this.appMode = appMode;
    }

    @ModelAttribute
    void common(@RequestParam(name = "mode", required = false) String mode, HttpServletRequest request, Principal principal, Model model) {
        if ("live".equals(mode) || "test".equals(mode)) {
            request.getSession().setAttribute(MODE, "live".equals(mode));
        }
        model.addAttribute("staffLive", livemode(request.getSession(false), appMode));
        model.addAttribute("staffUser", principal == null ? null : principal.getName());
        model.addAttribute("isAdmin", isAdmin());
    }

    static boolean livemode(HttpSession session, AppMode appMode) {
        Object chosen = session == null ? null : session.getAttribute(MODE);
        return chosen instanceof Boolean live ? live : appMode.isLive();
    }

    static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }
}

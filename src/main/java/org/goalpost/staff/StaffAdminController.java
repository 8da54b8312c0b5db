package org.goalpost.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.goalpost.audit.AuditLog;
import org.goalpost.security.ApiTokens;
import org.goalpost.security.StaffUsers;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** ADMIN pages: staff users, API tokens, and the audit log. */
@Controller
class StaffAdminController {

    private final StaffUsers users;
    private final ApiTokens tokens;
    private final AuditLog audit;

    StaffAdminController(StaffUsers users, ApiTokens tokens, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping("/staff/users")
    String users(Model model) {
        return usersPage(model, Map.of(), null, null);
    }

    @PostMapping("/staff/users")
    String createUser(
            @RequestParam String email,
            @RequestParam(required = false) String displayName,
            @RequestParam String password,
            @RequestParam String role,
            Model model,
            HttpServletResponse response) {
        try {
            users.create(email, displayName, password, role);
            return "redirect:/staff/users?created";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return usersPage(
                    model,
                    Map.of(e.problems().get(0).field(), e.problems().get(0).message()),
                    email,
                    displayName);
        }
    }

    @PostMapping("/staff/users/{id}")
    String updateUser(
            @PathVariable long id,
            @RequestParam(required = false) String displayName,
            @RequestParam String role,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) String password,
            Model model,
            HttpServletResponse response) {
        try {
            users.update(id, displayName, role, enabled, password);
            return "redirect:/staff/users?updated";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return usersPage(
                    model,
                    Map.of(e.problems().get(0).field(), e.problems().get(0).message()),
                    null,
                    null);
        }
    }

    @GetMapping("/staff/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.all());
        return "staff/tokens";
    }

    /** Makes a token and shows its secret once. */
    @PostMapping("/staff/tokens")
    String createToken(
            @RequestParam String name,
            @RequestParam String role,
            @RequestParam(required = false) Integer expiresInDays,
            Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("secret", tokens.create(name, role, AuditLog.currentActor(), expiresInDays));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(
                    "error",
                    e.problems().get(0).field() + ": " + e.problems().get(0).message());
        }
        model.addAttribute("tokens", tokens.all());
        return "staff/tokens";
    }

    @PostMapping("/staff/tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/staff/tokens?revoked";
    }

    @GetMapping("/staff/audit")
    String audit(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long before,
            Model model) {
        Instant start = date(from, 0);
        Instant end = date(to, 1);
        var events = audit.search(actor, action, start, end, before, 100);
        model.addAttribute("events", events);
        model.addAttribute(
                "next", events.size() == 100 ? events.get(events.size() - 1).id() : null);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "staff/audit";
    }

    private String usersPage(Model model, Map<String, String> errors, String email, String displayName) {
        model.addAttribute("users", users.all());
        model.addAttribute("errors", errors);
        model.addAttribute("email", email);
        model.addAttribute("displayName", displayName);
        return "staff/users";
    }

    private static Instant date(String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}

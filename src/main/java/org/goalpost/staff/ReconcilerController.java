package org.goalpost.staff;

import java.util.List;
import java.util.Map;
import org.goalpost.audit.AuditLog;
import org.goalpost.payment.ParkedItems;
import org.goalpost.payment.Reconciler;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the reconciler parked (ADMIN): the page {@code /staff/reconciler}, and the two things an
 * admin may do with an item: try it again now, or dismiss it. Both are audited. The same list and
 * actions are in the staff API ({@link Api}).
 */
@Controller
class ReconcilerController {

    private final Actions actions;

    ReconcilerController(Actions actions) {
        this.actions = actions;
    }

    /** The answer to a retry or a dismissal: whether it did what was asked, and the item as it is now. */
    record Outcome(boolean done, ParkedItems.Item item) {}

    @GetMapping("/staff/reconciler")
    String page(Model model) {
        model.addAttribute("items", actions.parked.open());
        return "staff/reconciler";
    }

    @PostMapping("/staff/reconciler/retry")
    String retry(@RequestParam String key, Model model) {
        Outcome outcome = actions.retry(key);
        model.addAttribute(
                "notice",
                outcome.done()
                        ? "Handled: " + key
                        : "Failed again: " + key + " (" + outcome.item().error() + ")");
        return page(model);
    }

    @PostMapping("/staff/reconciler/dismiss")
    String dismiss(@RequestParam String key, Model model) {
        actions.dismiss(key);
        model.addAttribute("notice", "Dismissed: " + key);
        return page(model);
    }

    /** {@code /api/staff/reconciler/parked}: the parked items as JSON; retry and dismiss one. */
    @RestController
    @RequestMapping("/api/staff/reconciler/parked")
    static class Api {

        private final Actions actions;

        Api(Actions actions) {
            this.actions = actions;
        }

        @GetMapping
        Map<String, List<ParkedItems.Item>> list() {
            return Map.of("items", actions.parked.open());
        }

        @PostMapping("/{key}/retry")
        Outcome retry(@PathVariable String key) {
            return actions.retry(key);
        }

        @PostMapping("/{key}/dismiss")
        Outcome dismiss(@PathVariable String key) {
            return actions.dismiss(key);
        }
    }

    /** Retry and dismiss, audited, for the page and the API alike. */
    @Component
    static class Actions {

        private final ParkedItems parked;
        private final Reconciler reconciler;
        private final AuditLog audit;

        Actions(ParkedItems parked, Reconciler reconciler, AuditLog audit) {
            this.parked = parked;
            this.reconciler = reconciler;
            this.audit = audit;
        }

        Outcome retry(String key) {
            item(key);
            boolean done = reconciler.retry(key);
            audit.record("reconciler.parked.retried", key, done ? "handled" : "failed again");
            return new Outcome(done, item(key));
        }

        Outcome dismiss(String key) {
            item(key);
            boolean done = parked.dismiss(key, AuditLog.currentActor());
            if (done) {
                audit.record("reconciler.parked.dismissed", key, item(key).error());
            }
            return new Outcome(done, item(key));
        }

        private ParkedItems.Item item(String key) {
            return parked.find(key).orElseThrow(() -> new NotFoundException("No parked item '" + key + "'"));
        }
    }
}

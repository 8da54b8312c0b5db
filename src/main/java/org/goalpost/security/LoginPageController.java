package org.goalpost.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff login form; Spring Security handles its POST (fields {@code username}, {@code password}, {@code
 * _csrf}).
 */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}

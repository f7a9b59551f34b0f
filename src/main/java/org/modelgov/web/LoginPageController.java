package org.modelgov.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security handles the POST. */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}

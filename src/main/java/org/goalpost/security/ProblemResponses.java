package org.goalpost.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.goalpost.shared.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The staff API's 401 and 403, as problem details like every other API error. */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) ->
                write(response, 401, "Unauthorized", "Send a valid API token: Authorization: Bearer gp_...");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, 403, "Forbidden", "This token's role may not do this.");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setTitle(title);
        ProblemWriter.write(response, problem);
    }
}

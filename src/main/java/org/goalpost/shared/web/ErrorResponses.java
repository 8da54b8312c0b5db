package org.goalpost.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the servlet container sends every error that no controller answered itself: a request the
 * firewall refused, a media type or method no endpoint takes, a body that cannot be read before a
 * controller is chosen. Problem details for the JSON APIs (and the webhook and actuator), the error
 * page for people; never a stack trace or framework detail (Boot's own error controller steps back).
 */
@Controller
class ErrorResponses implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (path.startsWith("/api/") || path.startsWith("/stripe/") || path.startsWith("/actuator")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
            problem.setTitle(status.getReasonPhrase());
            problem.setInstance(
                    UriComponentsBuilder.fromPath(path).build().encode().toUri());
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        return page;
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request cannot be read; nothing was changed.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case NOT_ACCEPTABLE -> "This address cannot answer in the media type asked for.";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not take this media type; send application/json.";
            default ->
                status.is5xxServerError()
                        ? "The request could not be completed; nothing was changed. Please try again."
                        : "The request was refused; nothing was changed.";
        };
    }
}

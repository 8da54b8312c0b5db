package org.goalpost.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as {@code application/problem+json} (RFC 9457). Field-level
 * problems are listed under {@code errors}; no stack trace or framework detail is ever shown.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    static final URI VALIDATION = URI.create("https://goalpost.dev/problems/validation");
    static final URI NOT_FOUND = URI.create("https://goalpost.dev/problems/not-found");
    static final URI UPSTREAM = URI.create("https://goalpost.dev/problems/payment-provider");
    static final URI INTERNAL = URI.create("https://goalpost.dev/problems/internal");
    static final URI TOO_MANY = URI.create("https://goalpost.dev/problems/too-many-requests");
    static final URI CHALLENGE = URI.create("https://goalpost.dev/problems/challenge-required");
    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(MalformedInputException.class)
    ProblemDetail malformedInput(MalformedInputException e) {
        return validationProblem(HttpStatus.BAD_REQUEST, "The request cannot be read: see errors.", e.problems());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        if (e instanceof ConflictException) {
            ProblemDetail problem = validationProblem(
                    HttpStatus.CONFLICT, "The change conflicts with what is in use: see errors.", e.problems());
            problem.setTitle("Conflict");
            return problem;
        }
        return validationProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "The request breaks a rule: see errors.", e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(UpstreamFailureException.class)
    ProblemDetail upstream(UpstreamFailureException e) {
        HttpStatus status = e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(UPSTREAM);
        problem.setTitle(e.retryable() ? "Payment provider unavailable" : "Payment provider refused the request");
        return problem;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setType(TOO_MANY);
        problem.setTitle("Too many requests");
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(ChallengeRequiredException.class)
    ResponseEntity<ProblemDetail> challenge(ChallengeRequiredException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(CHALLENGE);
        problem.setTitle("Person check required");
        problem.setProperty("captcha", Map.of("provider", e.provider(), "siteKey", e.siteKey()));
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Anything unexpected: logged in full here, answered without any detail. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; nothing was changed. Please try again.");
        problem.setType(INTERNAL);
        problem.setTitle("Internal error");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest()
                .body(validationProblem(HttpStatus.BAD_REQUEST, "The request is not valid: see errors.", problems));
    }

    /** A body cut at its bound while being read (sent without a length) is too large, not malformed. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimits.TooLargeException tooLarge) {
                ProblemDetail problem =
                        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
                problem.setType(URI.create("https://goalpost.dev/problems/too-large"));
                problem.setTitle("Request too large");
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .header(HttpHeaders.CONNECTION, "close")
                        .body(problem);
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    static ProblemDetail validationProblem(HttpStatus status, String detail, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(VALIDATION);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", problems);
        return problem;
    }
}

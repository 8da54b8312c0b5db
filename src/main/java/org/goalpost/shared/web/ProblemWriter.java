package org.goalpost.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link ProblemDetail} where no controller answers (servlet filters, Spring Security's entry points), through
 * Jackson with Spring's own mix-in, so it reads exactly like the problem details the controllers answer.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemWriter() {}

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

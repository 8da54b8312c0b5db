package org.goalpost.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.StreamReadConstraints;

/**
 * Every request body is bounded before anything reads it, first of all filters: Stripe's webhook
 * at {@value #WEBHOOK} bytes (its events are far smaller), the staff API at {@value #STAFF_API},
 * the public JSON API at {@value #PUBLIC_API}, forms at {@value #FORMS}. A declared length over the
 * bound is answered {@code 413} at once, without reading the rest (problem details on the API and
 * the webhook, the error page elsewhere), and the connection is closed; a body of unknown length
 * (chunked) is cut where it passes the bound ({@link TooLargeException}, answered 413 too). JSON
 * itself is bounded as well: strings of at most {@value #JSON_STRING} characters, nesting at most
 * {@value #JSON_DEPTH} deep ({@link #applyJsonLimits()}).
 */
public class RequestBodyLimits extends OncePerRequestFilter {

    static final int WEBHOOK = 512 * 1024;
    static final int STAFF_API = 64 * 1024;
    static final int PUBLIC_API = 16 * 1024;
    static final int FORMS = 64 * 1024;
    static final int JSON_STRING = 64 * 1024;
    static final int JSON_DEPTH = 64;

    /** A body that went past its bound while being read. */
    public static final class TooLargeException extends IOException {

        TooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }

    /** Bounds what Jackson reads everywhere in the app (set once, before any mapper is built). */
    public static void applyJsonLimits() {
        StreamReadConstraints.overrideDefaultStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(JSON_STRING)
                .maxNestingDepth(JSON_DEPTH)
                .maxNumberLength(100)
                .build());
    }

    static int limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/stripe/")) {
            return WEBHOOK;
        }
        if (path.startsWith("/api/staff/")) {
            return STAFF_API;
        }
        if (path.startsWith("/api/")) {
            return PUBLIC_API;
        }
        return FORMS;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Bounded(request, limit), response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int limit) throws IOException {
        response.setHeader("Connection", "close");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/stripe/") || path.startsWith("/actuator/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE, "The request body may be at most " + limit + " bytes.");
            problem.setType(URI.create("https://goalpost.dev/problems/too-large"));
            problem.setTitle("Request too large");
            ProblemWriter.write(response, problem);
            return;
        }
        response.sendError(413, "The form is too large (at most " + limit / 1024 + " KB).");
    }

    /** A request whose body stream ends in {@link TooLargeException} past the bound. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final int limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new TooLargeException(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit) {
                            throw new TooLargeException(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

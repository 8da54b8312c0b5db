package org.goalpost.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket bound to a chosen local address (127.0.0.1, 127.0.0.2, …),
 * for tests where who connects matters: Tomcat's forwarded-header handling believes only the
 * configured proxies, which MockMvc and the JDK's HTTP client cannot show.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The answer: status, headers (names in lower case) and body, de-chunked. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /** One HTTP/1.1 request on a socket bound to {@code from}, read to the end. */
    public static Answer send(String from, int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            byte[] raw = socket.getInputStream().readAllBytes();
            int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String[] head = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                answerHeaders.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            byte[] answerBody = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
            if ("chunked".equalsIgnoreCase(answerHeaders.get("transfer-encoding"))) {
                answerBody = dechunk(answerBody);
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), answerHeaders, new String(answerBody, StandardCharsets.UTF_8));
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, crlf, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] part, int from) {
        for (int i = from; i <= data.length - part.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalStateException("malformed HTTP answer");
    }
}

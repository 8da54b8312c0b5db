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

    private RawHttp() {}

    /** The answer: status, headers (names in lower case) and body, de-chunked. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    /** One HTTP/1.1 request on a socket bound to {@code from}, read to the end. */
    public static Answer send(
            String from, int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Length", Integer.toString(content.length));
        return exchange(from, port, method, path, all, content);
    }

    /**
     * A request that declares {@code declaredLength} bytes of body but sends only {@code start} of
     * them before it reads the answer: whether the server answers without waiting for the rest.
     */
    public static Answer sendStartOf(
            String from,
            int port,
            String method,
            String path,
            Map<String, String> headers,
            long declaredLength,
            byte[] start)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Length", Long.toString(declaredLength));
        return exchange(from, port, method, path, all, start);
    }

    /** A request whose body is sent chunked (no length declared), in chunks of 8 KB. */
    public static Answer sendChunked(
            String from, int port, String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 8192) {
            int length = Math.min(8192, body.length - at);
            chunked.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunked.write(body, at, length);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Transfer-Encoding", "chunked");
        return exchange(from, port, method, path, all, chunked.toByteArray());
    }

    private static Answer exchange(
            String from, int port, String method, String path, Map<String, String> headers, byte[] content)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            StringBuilder request =
                    new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(content);
                out.flush();
            } catch (java.net.SocketException e) {
                // the server answered and closed before taking the whole body: read what it said
            }
            byte[] raw = readAnswer(socket.getInputStream());
            int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String[] head = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                answerHeaders.put(
                        head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).trim());
            }
            byte[] answerBody = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
            if ("chunked".equalsIgnoreCase(answerHeaders.get("transfer-encoding"))) {
                answerBody = dechunk(answerBody);
            }
            return new Answer(
                    Integer.parseInt(head[0].split(" ")[1]),
                    answerHeaders,
                    new String(answerBody, StandardCharsets.UTF_8));
        }
    }

    /**
     * The server's answer: read until it closes, or until the answer is complete (its declared
     * length, or the last chunk), whichever comes first: a server that answers before it has read
     * the request's body may keep the connection open a while.
     */
    private static byte[] readAnswer(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (!complete(raw.toByteArray()) && (n = in.read(buffer)) >= 0) {
                raw.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            if (raw.size() == 0) {
                throw e;
            }
        }
        return raw.toByteArray();
    }

    private static boolean complete(byte[] raw) {
        int split = find(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (split < 0) {
            return false;
        }
        String head = new String(raw, 0, split, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return raw.length - split - 4 >= Integer.parseInt(length.group(1));
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return find(raw, "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), split) >= 0;
        }
        return false;
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
        int at = find(data, part, from);
        if (at < 0) {
            throw new IllegalStateException("malformed HTTP answer");
        }
        return at;
    }

    private static int find(byte[] data, byte[] part, int from) {
        for (int i = from; i <= data.length - part.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}

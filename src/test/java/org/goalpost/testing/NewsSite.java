package org.goalpost.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A news site on another origin than the app (127.0.0.1 on a port of its own, where the app is localhost), serving
 * one article page that embeds the widget, for the browser tests; and a wait for the widget's shadow root.
 */
public final class NewsSite {

    private HttpServer server;

    /** Serves {@code html} at every path (a new server each time); the address of {@code path}. */
    public String serve(String html, String path) {
        stop();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /**
     * The shadow root of the first widget host matching {@code host} (such as {@code .goalpost-widget} or
     * {@code #end .goalpost-widget}), once it holds an element matching {@code ready}.
     */
    public static SearchContext widget(WebDriver driver, String host, String ready) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> hosts = d.findElements(By.cssSelector(host));
            if (hosts.isEmpty()) {
                return null;
            }
            SearchContext root = hosts.get(0).getShadowRoot();
            return root.findElements(By.cssSelector(ready)).isEmpty() ? null : root;
        });
    }
}

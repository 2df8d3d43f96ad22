package dev.tastebot.web;

import java.util.Objects;
import java.util.Optional;

/**
 * What the callback shows the user: plain text that {@link WebServer} escapes and wraps in a small
 * HTML page, with a button when the page asks for a confirmation.
 *
 * @param status 200 when things went well, 400 when the user has to do something
 * @param button the label of a button that posts the page's own address back (its query carries
 *     the one-time state), to confirm; empty for a page that only informs
 */
public record CallbackPage(int status, String heading, String message, Optional<String> button) {
    public CallbackPage {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(button, "button");
    }

    /** A page that only informs. */
    public CallbackPage(int status, String heading, String message) {
        this(status, heading, message, Optional.empty());
    }

    String html() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>tastebot: %1$s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32em;margin:4em auto;padding:0 1em;line-height:1.5}</style>
                </head>
                <body><h1>%1$s</h1><p>%2$s</p>%3$s</body>
                </html>
                """.formatted(escape(heading), escape(message), button.map(label ->
                        // no action: the form posts to the page's own address, query included, behind any proxy prefix
                        "<form method=\"post\"><button type=\"submit\">" + escape(label) + "</button></form>").orElse(""));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

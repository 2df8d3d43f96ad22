package dev.tastebot.spotify.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds the address of Spotify's consent page for one link attempt.
 *
 * @param playlists whether the playlist feature is on: only then is {@code playlist-modify-private}
 *     asked for, since users rightly balk at permissions a bot does not use
 */
public record AuthorizeUrl(URI accountsBaseUrl, String clientId, URI redirectUri, boolean playlists) {
    public static final String LIBRARY_SCOPE = "user-library-read";
    public static final String PLAYLIST_SCOPE = "playlist-modify-private";

    public AuthorizeUrl {
        Objects.requireNonNull(accountsBaseUrl, "accountsBaseUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    public String scope() {
        return playlists ? LIBRARY_SCOPE + " " + PLAYLIST_SCOPE : LIBRARY_SCOPE;
    }

    public URI build(String codeChallenge, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("code_challenge_method", "S256");
        query.put("code_challenge", codeChallenge);
        query.put("state", state);
        query.put("scope", scope());
        return URI.create(FormEncoding.base(accountsBaseUrl) + "/authorize?" + FormEncoding.encode(query));
    }

    /** application/x-www-form-urlencoded, shared with the token request. */
    static final class FormEncoding {
        private FormEncoding() {
        }

        static String encode(Map<String, String> fields) {
            return fields.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
        }

        private static String encode(String text) {
            // URLEncoder writes a space as '+', which form decoding reads back as a space; %20 is
            // what every OAuth server and browser also accepts in a query, so use that for clarity
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }

        /** The configured base without a trailing slash, so paths can be appended. */
        static String base(URI baseUrl) {
            String base = baseUrl.toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
    }
}

package dev.tastebot.spotify.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.StringEntity;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

import java.io.IOException;
import java.util.List;

/**
 * {@code PUT /v1/playlists/{playlist_id}/items} with {@code uris} in the body: replaces everything in
 * the playlist. Written here because spotify-web-api-java 9.4.0 still uses
 * {@code /v1/playlists/{playlist_id}/tracks}, which Spotify removed for development-mode apps in
 * 2026. Answers the playlist's new snapshot id as JSON.
 */
final class ReplacePlaylistItemsRequest extends AbstractDataRequest<String> {
    /** Spotify's limit for one request. */
    static final int MAX_URIS = 100;

    private ReplacePlaylistItemsRequest(Builder builder) {
        super(builder);
    }

    @Override
    public String execute() throws IOException, SpotifyWebApiException, ParseException {
        return putJson();
    }

    static final class Builder extends AbstractDataRequest.Builder<String, Builder> {
        private final ObjectNode body = JsonNodeFactory.instance.objectNode();

        Builder(String accessToken, String playlistId, List<String> uris) {
            super(accessToken);
            if (uris.size() > MAX_URIS) {
                throw new IllegalArgumentException("at most " + MAX_URIS + " items a request, got " + uris.size());
            }
            setPathParameter("playlist_id", playlistId);
            uris.forEach(body.putArray("uris")::add);
        }

        @Override
        public ReplacePlaylistItemsRequest build() {
            setPath("/v1/playlists/{playlist_id}/items");
            setContentType(ContentType.APPLICATION_JSON);
            setBody(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
            return new ReplacePlaylistItemsRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

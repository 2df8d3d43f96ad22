package dev.tastebot.spotify.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.StringEntity;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.model_objects.specification.Playlist;
import se.michaelthelin.spotify.requests.data.AbstractDataRequest;

import java.io.IOException;

/**
 * {@code POST /v1/me/playlists}: a new private playlist of the current user. Written here because
 * spotify-web-api-java 9.4.0 still posts to {@code /v1/users/{user_id}/playlists}, which Spotify
 * removed for development-mode apps in 2026. Runs through the library's HTTP client, so its failures
 * are the library's exceptions and {@link SpotifyWeb}'s retry policy applies unchanged.
 */
final class CreateMyPlaylistRequest extends AbstractDataRequest<Playlist> {
    static final String PATH = "/v1/me/playlists";

    private CreateMyPlaylistRequest(Builder builder) {
        super(builder);
    }

    @Override
    public Playlist execute() throws IOException, SpotifyWebApiException, ParseException {
        return new Playlist.JsonUtil().createModelObject(postJson());
    }

    static final class Builder extends AbstractDataRequest.Builder<Playlist, Builder> {
        private final ObjectNode body = JsonNodeFactory.instance.objectNode().put("public", false);

        Builder(String accessToken, String name, String description) {
            super(accessToken);
            body.put("name", name).put("description", description);
        }

        @Override
        public CreateMyPlaylistRequest build() {
            setPath(PATH);
            setContentType(ContentType.APPLICATION_JSON);
            setBody(new StringEntity(body.toString(), ContentType.APPLICATION_JSON));
            return new CreateMyPlaylistRequest(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}

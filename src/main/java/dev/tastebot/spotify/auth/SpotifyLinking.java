package dev.tastebot.spotify.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.tastebot.config.Setting;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.config.TokenEncryptionKey;
import dev.tastebot.store.SpotifyLink;
import dev.tastebot.store.SpotifyLinkStore;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links chat users' Spotify accounts and hands out their access tokens. The chat calls
 * {@link #start}, the user approves on Spotify, and the return comes back either to the web
 * callback ({@link #completeFromCallback}) or, for bots without a reachable HTTPS address, as the
 * address the user pastes into the chat ({@link #completeFromPastedUrl}); both end in the same code.
 * The web callback first shows whose link it is ({@link #arrive}) and exchanges the code only when
 * the person in the browser confirms ({@link #completeFromCallback}). Refresh tokens are stored
 * encrypted only; access tokens stay in memory.
 *
 * <p>Each user's tokens change under a lock of that user's: a PKCE refresh token may be single-use,
 * so two refreshes of one user must never race, while different users never wait on each other.
 */
public final class SpotifyLinking {
    private static final Logger log = LoggerFactory.getLogger(SpotifyLinking.class);
    private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(10);
    /** Refresh a little early so a token does not run out between handing it out and using it. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

    private final Optional<Ready> ready;
    private final String refusal;
    private final URI redirectUri;
    private final SpotifyLinkStore links;
    private final LinkStates states;
    private final Pkce pkce;
    private final Clock clock;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    /**
     * One lock per user, held while their tokens are exchanged, refreshed or forgotten. Weak values:
     * a lock nobody holds or waits for is collected, and a new one made when next needed.
     */
    private final LoadingCache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues()
            .build(userId -> new ReentrantLock());

    /**
     * @param spotify with {@code playlists} on, linking also asks for the scope that writes a private playlist
     * @param random the source of verifiers and IVs
     */
    public SpotifyLinking(TastebotConfig.Spotify spotify, Optional<TokenEncryptionKey> key, SpotifyLinkStore links, LinkStates states, HttpClient http, SecureRandom random, Clock clock) {
        this.redirectUri = spotify.redirectUri();
        this.links = Objects.requireNonNull(links, "links");
        this.states = Objects.requireNonNull(states, "states");
        this.pkce = new Pkce(random);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (spotify.clientId().isEmpty()) {
            this.ready = Optional.empty();
            this.refusal = "Spotify linking is not set up on this bot: the operator sets "
                    + Setting.SPOTIFY_CLIENT_ID.environmentVariable() + " to turn it on.";
        } else if (key.isEmpty()) {
            this.ready = Optional.empty();
            this.refusal = "Spotify linking is off until the operator sets "
                    + Setting.TOKEN_ENCRYPTION_KEY.environmentVariable()
                    + " (32 random bytes, base64), which keeps Spotify tokens encrypted at rest.";
        } else {
            String clientId = spotify.clientId().get();
            this.ready = Optional.of(new Ready(
                    new AuthorizeUrl(spotify.accountsBaseUrl(), clientId, redirectUri, spotify.playlists()),
                    new TokenClient(http, spotify.accountsBaseUrl(), clientId, TOKEN_TIMEOUT),
                    new TokenCipher(key.get(), random)));
            this.refusal = "";
        }
    }

    /** The parts that exist only when linking is configured. */
    private record Ready(AuthorizeUrl authorizeUrl, TokenClient tokens, TokenCipher cipher) {
    }

    /**
     * Opens a link attempt. The user is created here, by their own /link: the link itself is saved
     * later only for a user who still exists, so one who asked to be forgotten meanwhile stays gone.
     *
     * @param displayName how the chat shows the user; the page after Spotify's consent names them
     */
    public Start start(String userId, String displayName) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        if (ready.isEmpty()) {
            return new Start.Refused(refusal);
        }
        links.ensureUser(userId, clock.instant());
        String verifier = pkce.newVerifier();
        String state = states.open(userId, displayName, verifier);
        URI url = ready.get().authorizeUrl().build(Pkce.challenge(verifier), state);
        return new Start.Open(url, LinkStates.LIFETIME, isLoopback(redirectUri));
    }

    /** Completes a link from the {@code state} and {@code code} Spotify sent back. */
    public Completion complete(String state, String code) {
        return complete(Optional.empty(), Map.of("state", state, "code", code));
    }

    /**
     * What the browser's return from Spotify's consent page shows first (web callback, GET): whose
     * link the approval would complete, asking to confirm, without exchanging or spending anything.
     * A declined consent ends the attempt at once.
     */
    public Arrival arrive(String rawQuery) {
        Map<String, String> query = Query.parse(rawQuery);
        Optional<Completion> malformed = malformedCallback(query);
        if (malformed.isPresent()) {
            return new Arrival.Ended(malformed.get());
        }
        if (ready.isEmpty()) {
            return new Arrival.Ended(new Completion.Failed(refusal));
        }
        if (query.containsKey("error")) {
            return new Arrival.Ended(complete(Optional.empty(), query));
        }
        return states.peek(query.get("state"))
                .<Arrival>map(link -> new Arrival.AwaitingConfirmation(link.account()))
                .orElseGet(() -> new Arrival.Ended(new Completion.StateUnknownOrExpired()));
    }

    /**
     * Completes a link from the raw query of the web callback request (code or error, and state),
     * once the person in the browser confirmed it (POST). The state, a secret that only the browser
     * Spotify sent back holds, is what makes the confirmation safe from other sites.
     */
    public Completion completeFromCallback(String rawQuery) {
        Map<String, String> query = Query.parse(rawQuery);
        return malformedCallback(query).orElseGet(() -> complete(Optional.empty(), query));
    }

    private static Optional<Completion> malformedCallback(Map<String, String> query) {
        if (!query.containsKey("state") || !(query.containsKey("code") || query.containsKey("error"))) {
            return Optional.of(new Completion.Failed("This page expects the address Spotify sends you back to after "
                    + "/link; it is missing its code or state."));
        }
        return Optional.empty();
    }

    /**
     * Completes a link from the address a user pasted into the chat: the one their browser was sent
     * to after approving (or declining). The state must be one this same user opened.
     */
    public Completion completeFromPastedUrl(String userId, String pastedUrl) {
        Objects.requireNonNull(userId, "userId");
        Optional<Map<String, String>> query = pastedQuery(pastedUrl);
        if (query.isEmpty() || !query.get().containsKey("state")) {
            return new Completion.Failed("That is not the address your browser was sent to. After approving on "
                    + "Spotify, copy the whole address from the browser's address bar (it starts with "
                    + redirectUri + ") and paste it here.");
        }
        if (!query.get().containsKey("code") && !query.get().containsKey("error")) {
            return new Completion.Failed("That address has no code in it: copy the whole address from the "
                    + "browser's address bar, including everything after the '?'.");
        }
        return complete(Optional.of(userId), query.get());
    }

    private Completion complete(Optional<String> expectedUser, Map<String, String> query) {
        if (ready.isEmpty()) {
            return new Completion.Failed(refusal);
        }
        String state = query.get("state");
        Optional<PendingLink> pending = states.peek(state);
        if (pending.isEmpty()) {
            return new Completion.StateUnknownOrExpired();
        }
        PendingLink link = pending.get();
        // Checked before anything is spent: someone else pasting the address must not burn the real user's attempt.
        if (expectedUser.isPresent() && !expectedUser.get().equals(link.userId())) {
            return new Completion.StateForAnotherUser();
        }
        ReentrantLock lock = locks.get(link.userId());
        lock.lock();
        try {
            if (!states.take(state, link)) {
                return new Completion.StateUnknownOrExpired(); // used or forgotten meanwhile
            }
            return completeTaken(link, query);
        } finally {
            lock.unlock();
        }
    }

    private Completion completeTaken(PendingLink link, Map<String, String> query) {
        String error = query.get("error");
        if (error != null) {
            return error.equals("access_denied")
                    ? new Completion.Denied(link.userId())
                    : new Completion.Failed("Spotify reported an error (" + error + "): use /link to try again.");
        }
        String code = query.get("code");
        if (code == null || code.isBlank()) {
            return new Completion.Failed("Spotify sent no code back: use /link to try again.");
        }
        return exchange(link, code);
    }

    private Completion exchange(PendingLink link, String code) {
        Ready parts = ready.orElseThrow();
        return switch (parts.tokens().exchange(code, redirectUri, link.codeVerifier())) {
            case TokenResult.Granted(Tokens tokens) when tokens.refreshToken().isPresent() -> {
                Instant now = clock.instant();
                if (!links.save(link.userId(), parts.cipher().encrypt(link.userId(), tokens.refreshToken().get()),
                        tokens.scope(), now)) {
                    log.info("{} was forgotten while linking; the new link was not kept", link.userId());
                    yield new Completion.Failed("Nothing was linked: tastebot deleted everything about you meanwhile "
                            + "(/forget-me). Use /link to link again.");
                }
                accessTokens.put(link.userId(), new AccessToken(tokens.accessToken(), now.plus(tokens.expiresIn())));
                yield new Completion.Linked(link.userId(), link.account(), tokens.scope());
            }
            case TokenResult.Granted granted ->
                    new Completion.Failed("Spotify did not send a refresh token: use /link to try again.");
            case TokenResult.InvalidGrant invalid ->
                    new Completion.Failed("Spotify did not accept the approval (it may have been used already): "
                            + "use /link to try again.");
            case TokenResult.OAuthError(String error, String description) -> {
                log.warn("Spotify refused a code exchange: {} ({})", error, description);
                yield new Completion.Failed("Spotify refused the link (" + error + "): the bot's operator should "
                        + "check the Spotify app's client id and redirect URI.");
            }
            case TokenResult.Unavailable(String reason) ->
                    new Completion.Failed("Spotify could not be reached (" + reason + "): use /link to try again "
                            + "in a few minutes.");
        };
    }

    /**
     * A new access token after Spotify refused the one it had (revoked early, or the clock is off):
     * the cached one is dropped and the refresh token used at once.
     */
    public Optional<String> refreshedAccessToken(String userId) {
        Objects.requireNonNull(userId, "userId");
        accessTokens.remove(userId);
        return accessToken(userId);
    }

    /**
     * A valid access token for the user's Spotify account, refreshed when needed. Empty when the user
     * has no active link, when Spotify refused the refresh token (the link is then marked expired and
     * the user must link again), or when Spotify cannot be reached right now.
     */
    public Optional<String> accessToken(String userId) {
        Objects.requireNonNull(userId, "userId");
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> cached = fresh(userId);
        if (cached.isPresent()) {
            return cached;
        }
        ReentrantLock lock = locks.get(userId);
        lock.lock();
        try {
            // another thread may have refreshed while this one waited
            return fresh(userId).or(() -> refresh(userId));
        } finally {
            lock.unlock();
        }
    }

    private Optional<String> fresh(String userId) {
        AccessToken token = accessTokens.get(userId);
        return token != null && clock.instant().isBefore(token.expiresAt().minus(EXPIRY_MARGIN))
                ? Optional.of(token.value())
                : Optional.empty();
    }

    private Optional<String> refresh(String userId) {
        Optional<SpotifyLink> stored = links.find(userId).filter(link -> link.status() == SpotifyLink.Status.ACTIVE);
        if (stored.isEmpty()) {
            accessTokens.remove(userId);
            return Optional.empty();
        }
        Ready parts = ready.orElseThrow();
        String refreshToken;
        try {
            refreshToken = parts.cipher().decrypt(userId, stored.get().encryptedRefreshToken());
        } catch (TokenCipher.TokenDecryptionException e) {
            // Left as it is: putting the right key back makes it work again.
            log.warn("Spotify link of {} is unusable: {}", userId, e.getMessage());
            return Optional.empty();
        }
        return switch (parts.tokens().refresh(refreshToken)) {
            case TokenResult.Granted(Tokens tokens) -> {
                Instant now = clock.instant();
                // rotation: the newest refresh token replaces the old one, which may be spent already
                String newest = tokens.refreshToken().orElse(refreshToken);
                String scope = tokens.scope().isBlank() ? stored.get().scope() : tokens.scope();
                if (!links.refreshed(userId, parts.cipher().encrypt(userId, newest), scope, now)) {
                    yield Optional.empty(); // unlinked meanwhile
                }
                accessTokens.put(userId, new AccessToken(tokens.accessToken(), now.plus(tokens.expiresIn())));
                yield Optional.of(tokens.accessToken());
            }
            case TokenResult.InvalidGrant(String description) -> {
                log.info("Spotify link of {} expired: {}", userId, description);
                links.markExpired(userId);
                accessTokens.remove(userId);
                yield Optional.empty();
            }
            case TokenResult.OAuthError(String error, String description) -> {
                log.warn("Spotify refused to refresh the token of {}: {} ({})", userId, error, description);
                yield Optional.empty();
            }
            case TokenResult.Unavailable(String reason) -> {
                log.warn("Could not refresh the Spotify token of {}: {}", userId, reason);
                yield Optional.empty();
            }
        };
    }

    /**
     * The scopes the user's active link was granted (a user may grant fewer than asked, and a link
     * made before the playlist feature was turned on lacks its scope); empty when there is no active
     * link, or linking is not set up.
     */
    public Optional<Set<String>> grantedScopes(String userId) {
        Objects.requireNonNull(userId, "userId");
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        return links.find(userId).filter(link -> link.status() == SpotifyLink.Status.ACTIVE)
                .map(link -> scopes(link.scope()));
    }

    /** Whether linking asks for the scope that writes the user's private playlist of songs to rate. */
    public boolean asksForPlaylists() {
        return ready.map(parts -> parts.authorizeUrl().playlists()).orElse(false);
    }

    /** Whether the user's active link lacks a scope that {@link #start} now asks for, so linking again is worth it. */
    public boolean lacksAskedScope(String userId) {
        return grantedScopes(userId)
                .map(granted -> !granted.containsAll(scopes(ready.orElseThrow().authorizeUrl().scope())))
                .orElse(false);
    }

    /**
     * Forgets the user's Spotify tokens (the stored refresh token and any access token in memory).
     * Access stays granted on Spotify's side until the user removes the app in their account page.
     *
     * @return whether there was a link
     */
    public boolean unlink(String userId) {
        ReentrantLock lock = locks.get(userId);
        lock.lock();
        try {
            accessTokens.remove(userId);
            return links.delete(userId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets everything about the user held here (for /forget-me): their open link attempts, the
     * access token in memory and the stored link. Waits for an exchange or refresh of theirs in
     * progress, so none of those can bring a token back afterwards.
     */
    public void forget(String userId) {
        ReentrantLock lock = locks.get(userId);
        lock.lock();
        try {
            states.forget(userId);
            accessTokens.remove(userId);
            links.delete(userId);
        } finally {
            lock.unlock();
        }
    }

    /** OAuth scopes travel space-separated. */
    private static Set<String> scopes(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).filter(scope -> !scope.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<Map<String, String>> pastedQuery(String pasted) {
        String text = pasted == null ? "" : pasted.strip();
        // chat clients wrap links in <...> to stop previews
        if (text.startsWith("<") && text.endsWith(">")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getRawQuery() == null) {
                return Optional.empty();
            }
            return Optional.of(Query.parse(uri.getRawQuery()));
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null || !(host.matches("[0-9.]+") || host.startsWith("["))) {
            return false; // only literal addresses: resolving a name here could block
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private record AccessToken(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[redacted, expiresAt=" + expiresAt + "]";
        }
    }
}

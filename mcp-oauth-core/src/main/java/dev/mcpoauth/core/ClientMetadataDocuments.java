package dev.mcpoauth.core;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Clients identified by a Client ID Metadata Document (MCP 2025-11-25,
 * draft-ietf-oauth-client-id-metadata-document): a {@code client_id} that is an https URL with a
 * path names a JSON document, published by the client, holding its metadata. The document is
 * fetched by the {@link DocumentFetcher} (SSRF-safe), checked by {@link DocumentClient}, and the
 * client it describes is cached for as long as the response's {@code Cache-Control} allows (5
 * minutes without the header, at most 24 hours, not at all with {@code no-store}/{@code no-cache});
 * a failure is remembered for {@value #FAILURE_SECONDS} seconds, so that nobody can make this
 * server fetch a broken URL in a loop. Such a client is public ({@code none}) and never saved in
 * the store. Thread safe; the cache holds at most {@value #MAX_ENTRIES} documents.
 */
final class ClientMetadataDocuments {

    static final int MAX_ENTRIES = 1000;
    static final long FAILURE_SECONDS = 30;
    static final Duration DEFAULT_CACHE = Duration.ofMinutes(5);
    static final Duration MAX_CACHE = Duration.ofHours(24);
    private static final System.Logger LOG = System.getLogger(ClientMetadataDocuments.class.getName());

    /** A cached outcome: the client, or the reason it was refused; until {@code expiresAt}. */
    private record Entry(Optional<RegisteredClient> client, String failure, Instant expiresAt) {
    }

    private final DocumentFetcher fetcher;
    private final ServerConfig config;
    private final GrantHandlers grants;
    private final Supplier<Instant> clock;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    /**
     * Creates the resolver.
     *
     * @param fetcher fetches documents
     * @param config  the server's scopes and redirect rules
     * @param grants  the grant types a document may name
     * @param clock   the engine's current time
     */
    public ClientMetadataDocuments(DocumentFetcher fetcher, ServerConfig config, GrantHandlers grants,
                                   Supplier<Instant> clock) {
        this.fetcher = fetcher;
        this.config = config;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * Whether a {@code client_id} names a metadata document: an https URL with a host, a path other
     * than {@code /}, no user information and no fragment. Ids this server issues never look so.
     */
    public static boolean isDocumentUrl(String clientId) {
        if (!clientId.regionMatches(true, 0, "https://", 0, 8)) {
            return false;
        }
        try {
            URI uri = new URI(clientId);
            return uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null
                    && uri.getRawPath() != null && uri.getRawPath().length() > 1 && !uri.getRawPath().contains("/../")
                    && !uri.getRawPath().endsWith("/..") && !uri.getRawPath().contains("/./");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The client a metadata document describes.
     *
     * @param clientId a URL for which {@link #isDocumentUrl} holds
     * @return the client, public, with the document's redirect URIs
     * @throws OAuthException {@code invalid_client} when the document cannot be fetched or is not acceptable
     */
    public RegisteredClient resolve(String clientId) {
        Instant now = clock.get();
        Entry cached = cache.get(clientId);
        if (cached == null || !now.isBefore(cached.expiresAt())) {
            cached = load(clientId, now);
            if (cached.expiresAt().isAfter(now)) {
                remember(clientId, cached, now);
            }
        }
        return cached.client().orElseThrow(failure(cached.failure()));
    }

    private Entry load(String clientId, Instant now) {
        try {
            DocumentFetcher.Fetched fetched = fetcher.fetch(URI.create(clientId));
            Map<String, Object> document;
            try {
                document = Json.parseObject(fetched.body());
            } catch (IllegalArgumentException e) {
                throw new DocumentException("the client metadata document is not a JSON object");
            }
            RegisteredClient client = DocumentClient.from(clientId, document, config, grants, now);
            LOG.log(System.Logger.Level.DEBUG, "client metadata document {0} accepted", Logs.quote(clientId));
            return new Entry(Optional.of(client), "", now.plus(cacheFor(fetched.cacheControl())));
        } catch (DocumentException e) {
            LOG.log(System.Logger.Level.INFO, "client metadata document {0} refused: {1}", Logs.quote(clientId),
                    e.getMessage());
            return new Entry(Optional.empty(), e.getMessage(), now.plusSeconds(FAILURE_SECONDS));
        }
    }

    private void remember(String clientId, Entry entry, Instant now) {
        if (cache.size() >= MAX_ENTRIES) {
            cache.values().removeIf(e -> !now.isBefore(e.expiresAt()));
            Iterator<String> oldest = cache.keySet().iterator();
            while (cache.size() >= MAX_ENTRIES && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        cache.put(clientId, entry);
    }

    /** How long a response may be cached, from its {@code Cache-Control}. */
    static Duration cacheFor(String cacheControl) {
        Duration result = DEFAULT_CACHE;
        for (String directive : cacheControl.toLowerCase(java.util.Locale.ROOT).split(",")) {
            String d = directive.trim();
            if (d.equals("no-store") || d.equals("no-cache")) {
                return Duration.ZERO;
            }
            if (d.startsWith("max-age=")) {
                try {
                    long seconds = Long.parseLong(d.substring(8).replace("\"", "").trim());
                    result = seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(seconds, MAX_CACHE.toSeconds()));
                } catch (NumberFormatException e) {
                    result = DEFAULT_CACHE;
                }
            }
        }
        return result;
    }

    private static Supplier<OAuthException> failure(String reason) {
        return () -> new OAuthException(OAuthErrorCode.INVALID_CLIENT, "the client_id names a client metadata document "
                + "that cannot be used: " + reason);
    }
}

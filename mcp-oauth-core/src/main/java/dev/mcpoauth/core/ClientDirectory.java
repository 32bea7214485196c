package dev.mcpoauth.core;

import dev.mcpoauth.RegisteredClient;

import java.util.Optional;

/**
 * Where the engine looks clients up: the store for registered clients, and, when enabled, Client ID
 * Metadata Documents for a {@code client_id} that is an https URL. Thread safe.
 */
final class ClientDirectory {

    private final Engine engine;
    private final Optional<ClientMetadataDocuments> documents;

    /**
     * Creates the directory.
     *
     * @param engine    the engine, whose store holds registered clients
     * @param documents the metadata document resolver; empty when documents are turned off
     */
    public ClientDirectory(Engine engine, Optional<ClientMetadataDocuments> documents) {
        this.engine = engine;
        this.documents = documents;
    }

    /**
     * Finds a client.
     *
     * @param clientId the {@code client_id} a request named
     * @return the client, or empty when nobody registered it and it names no metadata document
     * @throws dev.mcpoauth.OAuthException {@code invalid_client} when it names a metadata document
     *                                     that cannot be fetched or used
     */
    public Optional<RegisteredClient> find(String clientId) {
        Optional<RegisteredClient> registered = engine.store().findClient(clientId);
        if (registered.isPresent() || documents.isEmpty() || !ClientMetadataDocuments.isDocumentUrl(clientId)) {
            return registered;
        }
        return Optional.of(documents.get().resolve(clientId));
    }
}

package dev.mcpoauth.core;

/**
 * A Client ID Metadata Document could not be fetched or used. The message is written for the client
 * developer and names no internal address, header value or document content beyond the field at fault.
 */
final class DocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message safe to send to the client. */
    public DocumentException(String message) {
        super(message, null, false, false);
    }
}

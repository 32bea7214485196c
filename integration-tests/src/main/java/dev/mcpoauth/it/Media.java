package dev.mcpoauth.it;

import io.modelcontextprotocol.spec.McpSchema;

/** The small media the scenarios ask for: a 1x1 red PNG, a minimal WAV and embedded resources. */
final class Media {

    /** A 1x1 red PNG pixel, base64. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    /** A WAV file with one 16-bit mono sample, base64. */
    static final String WAV = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

    private Media() {
    }

    static McpSchema.TextContent text(String text) {
        return McpSchema.TextContent.builder(text).build();
    }

    static McpSchema.ImageContent image() {
        return McpSchema.ImageContent.builder(PNG, "image/png").build();
    }

    static McpSchema.AudioContent audio() {
        return McpSchema.AudioContent.builder(WAV, "audio/wav").build();
    }

    static McpSchema.EmbeddedResource embedded(String uri, String mimeType, String text) {
        return McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents.builder(uri, text).mimeType(mimeType).build())
                .build();
    }
}

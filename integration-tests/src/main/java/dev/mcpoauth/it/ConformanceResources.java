package dev.mcpoauth.it;

import dev.mcpoauth.core.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resources of the {@code resources-*} scenarios: text, binary, a template and a watched resource. */
final class ConformanceResources {

    /** The template whose {@code {id}} the {@code resources-templates-read} scenario fills in. */
    static final String TEMPLATE = "test://template/{id}/data";

    private static final Pattern TEMPLATE_URI = Pattern.compile("test://template/([^/]+)/data");

    private ConformanceResources() {
    }

    /** The fixed resources. */
    static List<SyncResourceSpecification> resources() {
        return List.of(
                text("test://static-text", "static-text", "Static Text Resource", "A static text resource for testing",
                        "This is the content of the static text resource."),
                new SyncResourceSpecification(resource("test://static-binary", "static-binary", "Static Binary Resource",
                        "A static binary resource (image) for testing", "image/png"),
                        (exchange, request) -> contents(McpSchema.BlobResourceContents.builder(request.uri(), Media.PNG)
                                .mimeType("image/png").build())),
                text("test://watched-resource", "watched-resource", "Watched Resource",
                        "A resource clients may subscribe to", "Watched resource content"));
    }

    /** The resource templates. */
    static List<SyncResourceTemplateSpecification> templates() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(TEMPLATE, "template").title("Resource Template")
                .description("A resource template with parameter substitution").mimeType("application/json").build();
        return List.of(new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            Matcher m = TEMPLATE_URI.matcher(request.uri());
            String id = m.matches() ? m.group(1) : "";
            String json = Json.write(Map.of("id", id, "templateTest", true, "data", "Data for ID: " + id));
            return contents(McpSchema.TextResourceContents.builder(request.uri(), json).mimeType("application/json").build());
        }));
    }

    private static SyncResourceSpecification text(String uri, String name, String title, String description,
                                                  String content) {
        return new SyncResourceSpecification(resource(uri, name, title, description, "text/plain"),
                (exchange, request) -> contents(McpSchema.TextResourceContents.builder(uri, content)
                        .mimeType("text/plain").build()));
    }

    private static ReadResourceResult contents(McpSchema.ResourceContents contents) {
        return ReadResourceResult.builder(List.of(contents)).build();
    }

    private static McpSchema.Resource resource(String uri, String name, String title, String description,
                                               String mimeType) {
        return McpSchema.Resource.builder(uri, name).title(title).description(description)
                .mimeType(mimeType).build();
    }
}

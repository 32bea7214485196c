package dev.mcpoauth.core;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the MCP endpoint serves: the server's identity and the MCP Java SDK specifications of its
 * tools, resources, prompts and completions. The transport builds the SDK server from it.
 *
 * @param name              the server name reported in {@code initialize} ({@code serverInfo.name})
 * @param version           the server version reported in {@code initialize}
 * @param instructions      instructions for the model, if any
 * @param tools             the tools
 * @param resources         the resources
 * @param resourceTemplates the resource templates
 * @param prompts           the prompts
 * @param completions       the argument completions
 */
public record McpServerDefinition(String name,
                                  String version,
                                  Optional<String> instructions,
                                  List<SyncToolSpecification> tools,
                                  List<SyncResourceSpecification> resources,
                                  List<SyncResourceTemplateSpecification> resourceTemplates,
                                  List<SyncPromptSpecification> prompts,
                                  List<SyncCompletionSpecification> completions) {

    /** Validates and copies. */
    public McpServerDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(instructions, "instructions");
        tools = List.copyOf(tools);
        resources = List.copyOf(resources);
        resourceTemplates = List.copyOf(resourceTemplates);
        prompts = List.copyOf(prompts);
        completions = List.copyOf(completions);
    }
}

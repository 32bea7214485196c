package dev.mcpoauth.it;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;

import java.util.List;
import java.util.Map;

/** The prompts of the {@code prompts-*} scenarios and the completions of {@code completion-complete}. */
final class ConformancePrompts {

    private static final String WITH_ARGUMENTS = "test_prompt_with_arguments";

    /** Completion candidates per argument name, filtered by the prefix typed so far. */
    private static final Map<String, List<String>> CANDIDATES = Map.of(
            "arg1", List.of("paris", "park", "party", "test", "testing"),
            "arg2", List.of("hello", "help", "world"),
            "id", List.of("1", "2", "3", "123"));

    private ConformancePrompts() {
    }

    /** Every prompt. */
    static List<SyncPromptSpecification> prompts() {
        return List.of(
                prompt("test_simple_prompt", "Simple Test Prompt", "A simple prompt without arguments", List.of(),
                        args -> List.of(user(Media.text("This is a simple prompt for testing.")))),
                prompt(WITH_ARGUMENTS, "Prompt With Arguments", "A prompt with required arguments",
                        List.of(argument("arg1", "First test argument"), argument("arg2", "Second test argument")),
                        args -> List.of(user(Media.text("Prompt with arguments: arg1='"
                                + args.getOrDefault("arg1", "") + "', arg2='" + args.getOrDefault("arg2", "") + "'")))),
                prompt("test_prompt_with_embedded_resource", "Prompt With Embedded Resource",
                        "A prompt that includes an embedded resource",
                        List.of(argument("resourceUri", "URI of the resource to embed")),
                        args -> List.of(
                                user(Media.embedded(String.valueOf(args.getOrDefault("resourceUri", "test://example-resource")),
                                        "text/plain", "Embedded resource content for testing.")),
                                user(Media.text("Please process the embedded resource above.")))),
                prompt("test_prompt_with_image", "Prompt With Image", "A prompt that includes image content", List.of(),
                        args -> List.of(user(Media.image()),
                                user(Media.text("Please analyze the image above.")))));
    }

    /** Argument completions for the prompt with arguments and for the resource template's {@code id}. */
    static List<SyncCompletionSpecification> completions() {
        return List.of(
                new SyncCompletionSpecification(new McpSchema.PromptReference(WITH_ARGUMENTS), (exchange, request) ->
                        complete(request.argument())),
                new SyncCompletionSpecification(new McpSchema.ResourceReference(ConformanceResources.TEMPLATE),
                        (exchange, request) -> complete(request.argument())));
    }

    private static McpSchema.CompleteResult complete(McpSchema.CompleteRequest.CompleteArgument argument) {
        String typed = argument.value() == null ? "" : argument.value();
        List<String> values = CANDIDATES.getOrDefault(argument.name(), List.of()).stream()
                .filter(v -> v.startsWith(typed)).toList();
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(values, values.size(), false));
    }

    private static SyncPromptSpecification prompt(String name, String title, String description,
                                                  List<McpSchema.PromptArgument> arguments,
                                                  java.util.function.Function<Map<String, Object>, List<PromptMessage>> messages) {
        McpSchema.Prompt prompt = McpSchema.Prompt.builder(name).title(title).description(description)
                .arguments(arguments).build();
        return new SyncPromptSpecification(prompt, (exchange, request) -> GetPromptResult.builder(
                        messages.apply(request.arguments() == null ? Map.of() : request.arguments()))
                .description(description).build());
    }

    private static McpSchema.PromptArgument argument(String name, String description) {
        return McpSchema.PromptArgument.builder(name).description(description).required(true).build();
    }

    private static PromptMessage user(McpSchema.Content content) {
        return PromptMessage.builder(Role.USER, content).build();
    }
}

package dev.mcpoauth.it;

import dev.mcpoauth.core.Json;
import dev.mcpoauth.it.ConformanceResults.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance tool's authorization-server scenarios ({@code conformance authorization}): the
 * metadata endpoint, and a complete authorization code grant through the login form, driven
 * headlessly by {@code node/authorization-suite.mjs}.
 */
class AuthorizationConformanceTest {

    /** The warning the metadata scenario gives while the server does not support Client ID Metadata Documents. */
    private static final String CIMD_CHECK = "authorization-server-metadata-cimd";

    @Test
    void authorizationServerScenariosPassAndWarnOnlyAboutMissingCimd(@TempDir Path work) throws Exception {
        Prerequisites.nodeDir();
        Map<String, String> user = Map.of("MCPOAUTH_IT_USER", "conformance",
                "MCPOAUTH_IT_PASSWORD", HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16)));
        Path out = Prerequisites.target().resolve("conformance/authorization");
        try (LaunchedServer server = LaunchedServer.start("dev.mcpoauth.it/dev.mcpoauth.it.ConformanceServer",
                ConformanceServer.READY, user, work, "--db", work.resolve("auth.db").toString())) {
            NodeRunner.Result run = NodeRunner.run("authorization-suite.mjs", user, out.resolve("runner.log"), 5,
                    server.issuer(), out.toString());
            List<Scenario> scenarios = ConformanceResults.read(out.resolve("results"), "authorization-server");

            assertThat(scenarios).extracting(Scenario::name).as("both scenarios ran:\n%s", run.output())
                    .containsExactlyInAnyOrder("authorization-server-metadata-endpoint", "authorization-code-grant");
            List<String> notPassed = scenarios.stream().flatMap(s -> s.checks().stream()
                    .filter(c -> !c.status().equals("SUCCESS") && !c.status().equals("WARNING"))
                    .map(c -> s.name() + ": " + c)).toList();
            assertThat(notPassed).as("checks that neither passed nor warned; the server's log:\n%s", server.output()).isEmpty();
            List<String> warnings = scenarios.stream().flatMap(s -> s.withStatus("WARNING").stream())
                    .map(ConformanceResults.Check::id).toList();
            if (advertisesCimd(server.issuer())) {
                assertThat(warnings).as("with Client ID Metadata Documents supported nothing is left to warn about").isEmpty();
            } else {
                assertThat(warnings).as("without Client ID Metadata Documents only that is warned about").containsOnly(CIMD_CHECK);
            }
            assertThat(run.exitCode()).as("the runner's verdict:\n%s", run.output()).isZero();
        }
    }

    private static boolean advertisesCimd(String issuer) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(
                    URI.create(issuer + "/.well-known/oauth-authorization-server")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Boolean.TRUE.equals(Json.parseObject(metadata.body()).get("client_id_metadata_document_supported"));
        }
    }
}

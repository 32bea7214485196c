package dev.mcpoauth.helidon;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.StorageException;
import dev.mcpoauth.core.AuthorizationServer;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;

/**
 * Wraps every OAuth handler with the error rules of the transport, so that no handler renders
 * errors itself:
 * <ul>
 *   <li>{@link OAuthException}: its code, its HTTP status and its description; {@code invalid_client}
 *       after Basic authentication adds {@code WWW-Authenticate: Basic} (RFC 6749 §5.2);</li>
 *   <li>{@link HttpProblem}: as it says (413, 400, 429 with {@code Retry-After} over a rate limit,
 *       503 while the engine is not ready);</li>
 *   <li>{@link StorageException}: 503 {@code temporarily_unavailable}, the cause logged, nothing of it sent;</li>
 *   <li>anything else: 500 {@code server_error} with a generic description, logged with its stack trace.</li>
 * </ul>
 * JSON endpoints get the RFC 6749 §5.2 object with {@code Cache-Control: no-store}; browser endpoints
 * ({@code /authorize}, the login page) get an escaped HTML page, with 400 instead of 401/403.
 */
final class Guarded {

    /** The body of a handler; it may throw anything. */
    @FunctionalInterface
    interface Body {
        void handle(ServerRequest req, ServerResponse res) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(Guarded.class.getName());

    private final EngineRef engine;
    private final RequestLog log;

    Guarded(EngineRef engine, RequestLog log) {
        this.engine = engine;
        this.log = log;
    }

    /** A handler whose errors are rendered as JSON. */
    Handler json(Body body) {
        return guard(body, false);
    }

    /** A handler whose errors are rendered as an HTML page (browser navigations). */
    Handler html(Body body) {
        return guard(body, true);
    }

    private Handler guard(Body body, boolean html) {
        return (req, res) -> {
            log.watch(req, res);
            try {
                body.handle(req, res);
            } catch (OAuthException e) {
                int status = e.code().httpStatus();
                if (html && (status == 401 || status == 403)) {
                    // A page offers no authentication challenge: an untrusted client is a bad request.
                    status = 400;
                } else if (e.code() == OAuthErrorCode.INVALID_CLIENT && usedBasic(req)) {
                    res.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"" + realm() + "\", charset=\"UTF-8\"");
                }
                if (status == 503 || status == 429) {
                    res.header(HeaderNames.RETRY_AFTER, "60");
                }
                render(res, html, status, e.code().wireValue(), e.description());
            } catch (HttpProblem e) {
                if (e.retryAfterSeconds() > 0) {
                    res.header(HeaderNames.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
                }
                render(res, html, e.status(), e.error(), e.description());
            } catch (io.helidon.http.HttpException e) {
                // Helidon's own refusal of malformed HTTP (a header it cannot parse): the client's fault.
                int status = e.status().code() >= 400 && e.status().code() < 500 ? e.status().code() : 400;
                LOG.log(System.Logger.Level.DEBUG, "malformed request refused during {0}: {1}", describe(req),
                        e.status().code());
                render(res, html, status, OAuthErrorCode.INVALID_REQUEST.wireValue(), "the request is malformed");
            } catch (StorageException e) {
                LOG.log(System.Logger.Level.WARNING, "the token store failed during " + describe(req), e);
                res.header(HeaderNames.RETRY_AFTER, "5");
                render(res, html, 503, OAuthErrorCode.TEMPORARILY_UNAVAILABLE.wireValue(),
                        "the server cannot complete the request now; try again later");
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, "unexpected failure during " + describe(req), e);
                render(res, html, 500, OAuthErrorCode.SERVER_ERROR.wireValue(),
                        "the server failed to complete the request");
            }
        };
    }

    private static void render(ServerResponse res, boolean html, int status, String error, String description) {
        if (res.isSent()) {
            return;
        }
        if (html) {
            HtmlPage.error(res, status, error, description);
        } else {
            Responses.error(res, status, error, description);
        }
    }

    private static boolean usedBasic(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .map(h -> h.trim().toLowerCase(Locale.ROOT).startsWith("basic "))
                .orElse(false);
    }

    private String realm() {
        String name = engine.supplier().get().map(AuthorizationServer::appName).orElse("mcp-oauth");
        return name.replaceAll("[\"\\\\\\p{Cntrl}]", "");
    }

    private static String describe(ServerRequest req) {
        return req.prologue().method().text() + " " + req.path().rawPath();
    }
}

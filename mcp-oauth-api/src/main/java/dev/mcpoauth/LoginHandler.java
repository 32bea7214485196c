package dev.mcpoauth;

/**
 * Renders and handles the login page at {@code /oauth/login} (GET and POST): the original library's
 * {@code login_handler(request, complete_user_checker)}.
 *
 * <p>A handler extracts the login request id ({@code state}) and the credentials however it likes,
 * calls {@link LoginFlow#complete} and answers with a redirect to the URI it returns, or shows the
 * page again with the {@link LoginException}'s message. It must escape everything it echoes into
 * HTML and should protect its form against cross-site request forgery.
 *
 * <p>Static files a page links to (stylesheets, images) are served by the transport: a login module
 * puts them in the classpath folder {@link #ASSETS_CLASSPATH_LOCATION}, and every transport serves
 * that folder at {@link #ASSETS_URL_PATH}. The folder is not a Java package, so JPMS lets other
 * modules read it.
 *
 * <p>Implementations are thread safe.
 */
@FunctionalInterface
public interface LoginHandler {

    /** The classpath folder whose files transports serve for login pages, without leading or trailing slash. */
    String ASSETS_CLASSPATH_LOCATION = "META-INF/resources/mcp-oauth/login";

    /** The URL path at which transports serve {@link #ASSETS_CLASSPATH_LOCATION}, without trailing slash. */
    String ASSETS_URL_PATH = "/oauth/assets";

    /**
     * Handles one request to the login page.
     *
     * @param request the request, independent of the web server
     * @param flow    the pending request's details and the completion step
     * @return the response to send; never null
     */
    LoginResponse handle(LoginRequest request, LoginFlow flow);
}

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
 * <p>Implementations are thread safe.
 */
@FunctionalInterface
public interface LoginHandler {

    /**
     * Handles one request to the login page.
     *
     * @param request the request, independent of the web server
     * @param flow    the pending request's details and the completion step
     * @return the response to send; never null
     */
    LoginResponse handle(LoginRequest request, LoginFlow flow);
}

package dev.mcpoauth.login;

/**
 * Where the login page's static files (stylesheet, icon) live, so that a transport serves them
 * without hard-coding this module's layout: serve the classpath folder {@link #CLASSPATH_LOCATION}
 * at {@link #URL_PATH}.
 *
 * <p>The folder is under {@code META-INF/resources}, which is not a Java package, so its files are
 * readable from other modules on the module path (JPMS encapsulates only package folders).
 */
public final class LoginAssets {

    /** The classpath folder holding the assets, without leading or trailing slash. */
    public static final String CLASSPATH_LOCATION = "META-INF/resources/mcp-oauth/login";

    /** The URL path the pages link the assets from, without trailing slash; the {@code {assets}} macro's default. */
    public static final String URL_PATH = "/oauth/assets";

    /** The stylesheet's file name. */
    public static final String STYLESHEET = "login.css";

    /** The icon's file name (SVG). */
    public static final String ICON = "lock.svg";

    private LoginAssets() {
    }
}

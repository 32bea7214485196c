package dev.mcpoauth.login;

/**
 * Where the login page's static files (stylesheet, icon) live: the folder every transport serves
 * for login pages ({@link dev.mcpoauth.LoginHandler#ASSETS_CLASSPATH_LOCATION} at
 * {@link dev.mcpoauth.LoginHandler#ASSETS_URL_PATH}).
 *
 * <p>The folder is under {@code META-INF/resources}, which is not a Java package, so its files are
 * readable from other modules on the module path (JPMS encapsulates only package folders).
 */
public final class LoginAssets {

    /** The classpath folder holding the assets, without leading or trailing slash. */
    public static final String CLASSPATH_LOCATION = dev.mcpoauth.LoginHandler.ASSETS_CLASSPATH_LOCATION;

    /** The URL path the pages link the assets from, without trailing slash; the {@code {assets}} macro's default. */
    public static final String URL_PATH = dev.mcpoauth.LoginHandler.ASSETS_URL_PATH;

    /** The stylesheet's file name. */
    public static final String STYLESHEET = "login.css";

    /** The icon's file name (SVG). */
    public static final String ICON = "lock.svg";

    private LoginAssets() {
    }
}

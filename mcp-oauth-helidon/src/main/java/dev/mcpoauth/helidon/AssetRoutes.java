package dev.mcpoauth.helidon;

import dev.mcpoauth.LoginHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/**
 * The login pages' static files: the classpath folder {@link LoginHandler#ASSETS_CLASSPATH_LOCATION}
 * at {@link LoginHandler#ASSETS_URL_PATH}, cacheable for a day, with {@code nosniff} so that a
 * browser never runs a stylesheet or image as something else. The folder is not a Java package, so
 * the files of any login module are readable here on the module path.
 */
final class AssetRoutes {

    static final String CACHE = "public, max-age=86400";

    private AssetRoutes() {
    }

    static void register(HttpRules rules) {
        rules.route(Method.predicate(Method.GET, Method.HEAD), PathMatchers.prefix(LoginHandler.ASSETS_URL_PATH + "/"),
                (req, res) -> {
                    res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
                    res.header(HeaderNames.CACHE_CONTROL, CACHE);
                    res.next();
                });
        // The service resolves paths relative to where it is registered; its config's context is not used here.
        rules.register(LoginHandler.ASSETS_URL_PATH, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location(LoginHandler.ASSETS_CLASSPATH_LOCATION)
                .build()));
    }
}

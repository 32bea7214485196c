package dev.mcpoauth.examples;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx (the Debian package's binary) started by a test as the README's reverse proxy under a
 * path: {@code /tools/} forwarded to the server's {@code /} (prefix stripped), and the origin's
 * path-inserted well-known URLs and their root fallbacks forwarded as they are. It runs in the
 * foreground ({@code daemon off}) on a loopback port with every file (configuration, pid, logs,
 * temporary bodies) in its own folder, never as the system service; {@link #close()} stops it.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path dir;

    private Nginx(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** The nginx binary: {@code nginx} on the PATH, else Debian's {@code /usr/sbin/nginx}. */
    static Optional<Path> binary() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(s -> Path.of(s, "nginx"));
        return Stream.concat(onPath, Stream.of(Path.of("/usr/sbin/nginx"))).filter(Files::isExecutable).findFirst();
    }

    /**
     * The configuration the README shows, for a public base URL {@code http://127.0.0.1:<port>/tools}.
     *
     * @param dir      the folder for the pid file, logs and temporary files
     * @param port     the loopback port nginx listens on
     * @param upstream the port the MCP server listens on
     */
    static String configuration(Path dir, int port, int upstream) {
        String server = "http://127.0.0.1:" + upstream;
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        # For every location below: Helidon answers HTTP/1.0 (nginx's default) with 505.
                        proxy_http_version 1.1;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;

                        # The application under /tools/: the trailing slashes strip the prefix.
                        location /tools/ {
                            proxy_pass %3$s/;
                            proxy_buffering off;            # SSE responses of /mcp
                            proxy_read_timeout 3600s;       # long-lived GET /mcp listening streams
                        }
                        # RFC 8414 §3.1 and RFC 9728 §3.1: the metadata of an issuer and a resource under
                        # /tools live at the origin's root, the well-known segment before the path.
                        # Forwarded as they are (no URI after the upstream): the server serves these paths.
                        location = /.well-known/oauth-authorization-server/tools { proxy_pass %3$s; }
                        location = /.well-known/oauth-protected-resource/tools/mcp { proxy_pass %3$s; }
                        # The root fallbacks some clients try; leave them out if the origin serves its own.
                        location = /.well-known/oauth-authorization-server { proxy_pass %3$s; }
                        location = /.well-known/oauth-protected-resource { proxy_pass %3$s; }
                    }
                }
                """.formatted(dir, port, server);
    }

    /** Writes the configuration into {@code dir}, starts nginx and waits until it accepts connections. */
    static Nginx start(Path binary, Path dir, int port, int upstream) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, configuration(dir, port, upstream));
        Process process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", conf.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n" + nginx.logs());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port + " within 30 s:\n" + nginx.logs());
    }

    /** What nginx wrote to its error log and its console. */
    String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : new String[] {"error.log", "stdout.log"}) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                text.append(name).append(":\n").append(Files.readString(file));
            }
        }
        return text.toString();
    }

    /** Stops nginx (SIGTERM: a fast shutdown of the master and its worker), forcibly if it lingers. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

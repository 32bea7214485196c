package dev.mcpoauth.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A minimal HTTPS server on 127.0.0.1 for fetching metadata documents in tests: a self-signed
 * certificate for {@code 127.0.0.1}/{@code localhost} made once per JVM with the JDK's keytool, and
 * a handler that maps the request path to the raw bytes of the whole response (status line,
 * headers, body), so that tests can send redirects, oversized or chunked bodies, or nothing at all.
 */
public final class TlsDocumentServer implements AutoCloseable {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static KeyStore keyStore;

    private final SSLServerSocket socket;
    private final Function<String, byte[]> handler;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();

    private TlsDocumentServer(SSLServerSocket socket, Function<String, byte[]> handler) {
        this.socket = socket;
        this.handler = handler;
        Thread.ofVirtual().start(this::serve);
    }

    /** Starts a server answering each request with {@code handler.apply(path)}; a null answer sends nothing. */
    public static TlsDocumentServer start(Function<String, byte[]> handler) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(), PASSWORD);
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new TlsDocumentServer(server, handler);
    }

    /** A 200 JSON response with the given headers (e.g. {@code Cache-Control: max-age=60\r\n}). */
    public static byte[] json(String body, String extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n"
                + extraHeaders + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** The TLS context of a client that trusts this server's certificate. */
    public static SSLContext trustingClient() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        Certificate certificate = keyStore().getCertificate("server");
        trust.setCertificateEntry("server", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** A fetcher for this server: loopback allowed, this server trusted. */
    public static DocumentFetcher fetcher(Duration timeout) throws Exception {
        return new DocumentFetcher(AddressPolicy.allowingLoopbackForTests(), trustingClient(), InetAddress::getAllByName,
                timeout, DocumentFetcher.DEFAULT_MAX_BYTES);
    }

    public String url(String path) {
        return "https://127.0.0.1:" + socket.getLocalPort() + path;
    }

    public int requests() {
        return requests.get();
    }

    public int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> answer(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            requests.incrementAndGet();
            String path = head.toString().split(" ", 3)[1];
            byte[] response = handler.apply(path);
            if (response == null) {
                // Say nothing until the client gives up.
                in.read();
                return;
            }
            OutputStream out = client.getOutputStream();
            out.write(response);
            out.flush();
        } catch (IOException e) {
            // the client went away: nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static synchronized KeyStore keyStore() throws Exception {
        if (keyStore == null) {
            Path dir = Files.createTempDirectory("cimd-tls");
            Path file = dir.resolve("server.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            keyStore = store;
        }
        return keyStore;
    }
}

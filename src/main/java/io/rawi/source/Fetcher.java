package io.rawi.source;

import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches {@code http} and {@code https} URLs with the JDK's HTTP client: redirects followed by hand (at most
 * {@value #MAX_REDIRECTS}, loops and other schemes refused), one deadline for the whole transfer, a size limit, and an
 * error that names the URL and what went wrong for every failure. Thread-safe.
 */
public final class Fetcher {
    static final int MAX_REDIRECTS = 10;
    private final Duration timeout;
    private HttpClient client;

    /** A fetched resource. */
    public record Response(URI uri, byte[] body, Optional<String> contentType) {
        /** The charset named in the Content-Type header, if any. */
        public Optional<String> charset() {
            return contentType.flatMap(t -> {
                for (String part : t.split(";")) {
                    String p = part.strip();
                    if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                        return Optional.of(p.substring(8).replace("\"", "").strip());
                    }
                }
                return Optional.empty();
            });
        }
    }

    /** @param timeout the longest a whole fetch (connection, redirects, body) may take */
    public Fetcher(Duration timeout) {
        this.timeout = timeout;
    }

    /** The HTTP client, made on first use: building one sets up TLS, which costs a local conversion time. */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        }
        return client;
    }

    /** Whether {@code location} is a URL this fetcher reads. */
    public static boolean isUrl(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /**
     * Fetches {@code url}, refusing bodies over {@code maxBytes}.
     *
     * @throws BadInputException   for a malformed URL, an HTTP error status, a redirect loop, or a body too large
     * @throws ProcessingException when the server cannot be reached or does not answer in time
     */
    public Response fetch(String url, long maxBytes) throws RawiException {
        URI uri = parse(url);
        List<URI> visited = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            visited.add(uri);
            HttpResponse<InputStream> response = send(url, uri, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response);
                String location = response.headers().firstValue("Location").orElseThrow(() -> new BadInputException(
                        url + ": the server answered HTTP " + status + " (a redirect) without saying where to"));
                URI next;
                try {
                    next = uri.resolve(new URI(location.strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new BadInputException(url + ": redirected to a malformed address '" + location + "'");
                }
                if (!isUrl(next.toString())) {
                    throw new BadInputException(url + ": redirected to '" + next + "'; only http and https are followed");
                }
                if (visited.contains(next)) {
                    throw new BadInputException(url + ": redirects in a loop (" + chain(visited, next) + ")");
                }
                if (visited.size() > MAX_REDIRECTS) {
                    throw new BadInputException(url + ": more than " + MAX_REDIRECTS + " redirects; giving up");
                }
                uri = next;
                continue;
            }
            if (status >= 400 || status < 200) {
                close(response);
                String what = switch (status) {
                    case 404, 410 -> "not found";
                    case 401, 403 -> "access denied";
                    default -> status >= 500 ? "a server error" : "an error";
                };
                throw new BadInputException(url + ": the server answered HTTP " + status + " (" + what + ")"
                        + (uri.equals(visited.get(0)) ? "" : " at " + uri));
            }
            byte[] body = body(url, response, deadline, maxBytes);
            return new Response(uri, body, response.headers().firstValue("Content-Type"));
        }
    }

    private static URI parse(String url) throws BadInputException {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !isUrl(url)) {
                throw new BadInputException(url + ": not a usable http(s) URL (no host)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInputException(url + ": malformed URL (" + e.getReason() + ")");
        }
    }

    private HttpResponse<InputStream> send(String url, URI uri, long deadline) throws RawiException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timedOut(url);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left))
                .header("User-Agent", "rawi/0.1 (+article to narrated EPUB)")
                .header("Accept", "text/html,application/xhtml+xml,text/markdown,text/plain,application/epub+zip,image/*;q=0.8,*/*;q=0.5")
                .GET().build();
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw timedOut(url);
        } catch (IOException e) {
            throw new ProcessingException(url + ": cannot fetch (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(url + ": interrupted while fetching", e);
        }
    }

    private ProcessingException timedOut(String url) {
        return new ProcessingException(url + ": no complete answer within " + timeout.toSeconds()
                + " s (timed out); try again later or raise --timeout");
    }

    /** Reads the body, closing the stream when the deadline passes so that a stalled server cannot hold us. */
    private byte[] body(String url, HttpResponse<InputStream> response, long deadline, long maxBytes)
            throws RawiException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            close(response);
            throw new BadInputException(url + ": " + declared + " bytes, more than the limit of " + maxBytes + " bytes");
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rawi-fetch-deadline");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            expired.set(true);
            close(response);
        }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (InputStream in = response.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw new BadInputException(url + ": more than the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (expired.get()) {
                throw timedOut(url);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (expired.get()) {
                throw timedOut(url);
            }
            throw new ProcessingException(url + ": the transfer broke off (" + e.getMessage() + ")", e);
        } finally {
            alarm.cancel(false);
            timer.shutdownNow();
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing only to stop the transfer
        }
    }

    private static String chain(List<URI> visited, URI again) {
        StringBuilder sb = new StringBuilder();
        for (URI u : visited.subList(visited.indexOf(again), visited.size())) {
            sb.append(u).append(" → ");
        }
        return sb.append(again).toString();
    }
}

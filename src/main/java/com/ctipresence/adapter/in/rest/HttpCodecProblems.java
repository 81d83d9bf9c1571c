package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.problem.Problem;
import com.ctipresence.adapter.in.problem.Problems;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Handler;
import io.vertx.core.Verticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.Deployment;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Problem+json for what the HTTP server refuses before any routing, where Vert.x and Quarkus answer with an empty
 * body:
 * <ul>
 * <li>requests the HTTP codec cannot decode: a request line over {@code quarkus.http.limits.max-initial-line-length}
 * (414), headers over {@code quarkus.http.limits.max-header-size} (431), anything else that is not HTTP/1.1 (400).
 * Vert.x hands these to the server's {@code invalidRequestHandler};</li>
 * <li>a request URI that is not a valid URI (e.g. {@code %ZZ}), which Quarkus' root handler answers 400.</li>
 * </ul>
 * Quarkus 3.33 offers no way to set either handler (quarkusio/quarkus#55082): once the HTTP server listens, both are
 * set on the connection handler each of Quarkus' HTTP server instances built (Vert.x 4.5 internals, reached by
 * reflection; the JVM build, a native image would need them registered for reflection). Should those internals
 * differ, a warning says so at start-up and these refusals keep their empty body; {@code api/ErrorModelTest} then
 * fails.
 */
@ApplicationScoped
public class HttpCodecProblems {
    private static final Logger LOG = Logger.getLogger(HttpCodecProblems.class);
    private static final String QUARKUS_HTTP_VERTICLE =
            "io.quarkus.vertx.http.runtime.VertxHttpRecorder$WebDeploymentVerticle";

    private final ProblemResponses responses;
    private volatile boolean hooked;
    private final int maxRequestLine;
    private final long maxHeaders;

    public HttpCodecProblems(ProblemResponses responses,
                             @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length",
                                     defaultValue = "4096") int maxRequestLine,
                             @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K")
                             MemorySize maxHeaders) {
        this.responses = responses;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaders = maxHeaders.asLongValue();
    }

    /**
     * The first HTTP server instance has started listening (an asynchronous event): once Quarkus has deployed all
     * of them, they are hooked. Requests that arrive before are covered by {@link #firstRequests}.
     */
    void started(@ObservesAsync HttpServerStart started, Vertx vertx) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!hook(vertx) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (!hooked) {
            LOG.warn("could not hook the HTTP server's own refusals (414, 431, malformed request or URI 400): they "
                    + "answer without a problem+json body");
        }
    }

    /** A live reload in dev mode restarts the application but not the HTTP server, which is already listening. */
    void restarted(@Observes StartupEvent started, Vertx vertx) {
        hook(vertx);
    }

    /** Until the servers are hooked, every routed request tries (cheap once done: one volatile read). */
    void firstRequests(@Observes Filters filters, Vertx vertx) {
        filters.register(rc -> {
            if (!hooked) {
                hook(vertx);
            }
            rc.next();
        }, 200);
    }

    private void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        Problem problem;
        if (cause instanceof TooLongHttpLineException) {
            problem = Problems.status(414, "the request line (method, path and query) may be at most "
                    + maxRequestLine + " bytes", null);
        } else if (cause instanceof TooLongHttpHeaderException) {
            problem = Problems.status(431, "the request headers may be at most " + maxHeaders + " bytes together",
                    null);
        } else {
            problem = Problems.status(400, "the request is not well-formed HTTP/1.1 (request line, headers or "
                    + "Content-Length); nothing was changed", null);
        }
        // as Vert.x' own handler of invalid requests: the connection cannot be used any further
        responses.send(request, problem, true).onComplete(sent -> request.connection().close());
    }

    private void invalidUri(HttpServerRequest request) {
        responses.send(request, Problems.status(400, "the request URI is not a valid URI (e.g. a % not "
                + "followed by two hexadecimal digits, or a space); nothing was changed", null), false);
    }

    /** Requests with a URI that {@link URI} cannot parse are answered here; all others go on to Quarkus. */
    record UriCheck(Handler<HttpServerRequest> delegate, Handler<HttpServerRequest> invalid)
            implements Handler<HttpServerRequest> {
        @Override
        public void handle(HttpServerRequest request) {
            if (request.uri() != null && !valid(request.uri())) {
                invalid.handle(request);
            } else {
                delegate.handle(request);
            }
        }

        private static boolean valid(String uri) {
            try {
                new URI(uri);
                return true;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }

    /**
     * Sets both handlers on every HTTP server instance Quarkus deployed (one per event loop); true once the
     * deployment is there and every instance is hooked.
     */
    private synchronized boolean hook(Vertx vertx) {
        try {
            for (String id : vertx.deploymentIDs()) {
                Deployment deployment = ((VertxInternal) vertx).getDeployment(id);
                Set<Verticle> verticles = deployment == null ? Set.of() : deployment.getVerticles();
                if (verticles.isEmpty()
                        || !verticles.iterator().next().getClass().getName().equals(QUARKUS_HTTP_VERTICLE)) {
                    continue;
                }
                boolean all = true;
                for (Verticle verticle : verticles) {
                    all &= read(verticle, verticle.getClass(), "httpServer") instanceof HttpServer server
                            && hook(server);
                    if (read(verticle, verticle.getClass(), "httpsServer") instanceof HttpServer tls) {
                        all &= hook(tls);
                    }
                }
                hooked = all;
                return all;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot reach the HTTP server instances", e);
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private boolean hook(HttpServer server) throws ReflectiveOperationException {
        server.invalidRequestHandler(this::invalidRequest);
        Object worker = read(server, Class.forName("io.vertx.core.net.impl.TCPServerBase"), "childHandler");
        if (worker == null || !worker.getClass().getName().equals("io.vertx.core.http.impl.HttpServerWorker")) {
            return false;
        }
        Object connections = read(worker, worker.getClass(), "connectionHandler");
        if (connections == null) {
            return false;
        }
        write(connections, "invalidRequestHandler", (Handler<HttpServerRequest>) this::invalidRequest);
        Handler<HttpServerRequest> requests = (Handler<HttpServerRequest>) read(connections, connections.getClass(),
                "requestHandler");
        // after a dev-mode reload the handler of the previous application is unwrapped first
        while (requests != null && requests.getClass().getName().equals(UriCheck.class.getName())) {
            requests = (Handler<HttpServerRequest>) read(requests, requests.getClass(), "delegate");
        }
        if (requests != null) {
            write(connections, "requestHandler", new UriCheck(requests, this::invalidUri));
        }
        return true;
    }

    private static Object read(Object target, Class<?> declaring, String name) throws ReflectiveOperationException {
        Field field = declaring.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    private static void write(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}

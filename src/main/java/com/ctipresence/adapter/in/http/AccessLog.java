package com.ctipresence.adapter.in.http;

import com.ctipresence.config.RequestIds;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.regex.Pattern;

/**
 * One access log line per HTTP request (logger {@value #CATEGORY}), for every route: the REST API (also 401, 403,
 * 404, 413, ...), health, metrics, OpenAPI. It names the method, the path TEMPLATE (never the raw path, so no ids or
 * hostile input end up in it), the status, the duration in ms, the call center (the path parameter) and the request
 * id — never a header, token or body. The request id is the client's {@code X-Request-Id} when it is a plain token
 * (else a new one); it is echoed back as a response header and kept in the logging MDC for the request.
 * <p>
 * The path template of a REST request is the one Quarkus REST records for its observability (metrics) integration,
 * also when the request was refused before reaching the resource (401/403).
 */
@ApplicationScoped
public class AccessLog {
    public static final String CATEGORY = "cti.access";
    /** Where Quarkus REST keeps the matched path template (its observability integration; set with Micrometer). */
    static final String TEMPLATE_KEY = "UrlPathTemplate";
    static final String CALL_CENTER_PARAM = "{callCenterId}";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        String requestId = RequestIds.fromHeader(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.MDC_KEY, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        ctx.addEndHandler(ended -> {
            try {
                log(ctx, requestId, start);
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
        });
        ctx.next();
    }

    private static void log(RoutingContext ctx, String requestId, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        int status = ctx.response().getStatusCode();
        String template = template(ctx);
        String path = template != null ? template : untemplated(ctx.normalizedPath(), status);
        String callCenter = template == null ? null : callCenterId(template, ctx.request().path());
        LOG.infof("method=%s path=%s status=%d durationMs=%d callCenterId=%s requestId=%s",
                ctx.request().method().name(), path, status, millis, callCenter == null ? "-" : callCenter, requestId);
    }

    private static String template(RoutingContext ctx) {
        if (ctx.request() instanceof HttpServerRequestInternal internal) {
            Object template = internal.context().getLocal(TEMPLATE_KEY);
            if (template instanceof String t && !t.isEmpty()) {
                return t;
            }
        }
        return null;
    }

    /**
     * A request no REST resource matched: the fixed paths of the management routes ({@code /q/...}) are templates
     * of their own; anything else is logged as NOT_FOUND (status 404) or UNMATCHED, never as the raw path.
     */
    static String untemplated(String normalizedPath, int status) {
        if (normalizedPath != null && normalizedPath.startsWith("/q/") && normalizedPath.length() <= 64
                && normalizedPath.matches("[A-Za-z0-9/._-]+")) {
            return normalizedPath;
        }
        return status == 404 ? "NOT_FOUND" : "UNMATCHED";
    }

    /** The call center path parameter: the raw path's segment where the template has {callCenterId}. */
    static String callCenterId(String template, String rawPath) {
        String[] names = template.split("/");
        String[] values = rawPath == null ? new String[0] : rawPath.split("/");
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (CALL_CENTER_PARAM.equals(names[i])) {
                return PLAIN_ID.matcher(values[i]).matches() ? values[i] : "(invalid)";
            }
        }
        return null;
    }
}

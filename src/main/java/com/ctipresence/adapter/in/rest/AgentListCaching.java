package com.ctipresence.adapter.in.rest;

import com.ctipresence.adapter.in.api.AgentPresenceDto;

import com.ctipresence.domain.Timestamps;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The polling fallback of the dashboard (where no stream is available, e.g. behind API Gateway): the agent list
 * answers a weak {@code ETag} made of every agent's id, version, state, display name and delivery status (the
 * seconds counting up are not part of it), and {@code 304 Not Modified} without a body when {@code If-None-Match} names it. Every
 * answer of a resource also carries {@code X-Server-Time}, so pages can count time in state and wrap-up time
 * left with the server's clock rather than the browser's.
 */
public class AgentListCaching {
    public static final String SERVER_TIME = "X-Server-Time";

    private final Clock clock;

    public AgentListCaching(Clock clock) {
        this.clock = clock;
    }

    @ServerResponseFilter
    public void filter(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        response.getHeaders().putSingle(SERVER_TIME, Timestamps.format(clock.instant()));
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || resource == null
                || resource.getResourceClass() != AgentPresenceResource.class || resource.getResourceMethod() == null
                || !"list".equals(resource.getResourceMethod().getName())
                || !(response.getEntity() instanceof List<?> agents)) {
            return;
        }
        String etag = etag(agents);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    static String etag(List<?> agents) {
        StringBuilder all = new StringBuilder();
        agents.stream().map(AgentPresenceDto.class::cast)
                .sorted(Comparator.comparing(AgentPresenceDto::agentId))
                .forEach(a -> all.append(a.agentId()).append('\u0000').append(a.version()).append('\u0000')
                        .append(a.stateId()).append('\u0000').append(a.wrapUpUntil())
                        .append('\u0000').append(a.displayName()).append('\u0000').append(a.delivery()).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals(opaque) || (c.startsWith("W/") && c.substring(2).equals(opaque))) {
                return true;
            }
        }
        return false;
    }
}

package com.ctipresence.adapter.in.dev;

import com.ctipresence.adapter.in.SecurityConfig;
import com.ctipresence.domain.Ids;
import com.ctipresence.domain.ValidationException;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dev mode and tests only (the class is not in a production build): mints a token signed with the development key
 * ({@code src/dev/keys}), e.g. {@code curl 'localhost:8080/dev/token?sub=a1&callCenterId=acme&roles=agent'}.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/dev/token")
public class DevTokenResource {
    private static final Set<String> ROLES = Set.of("agent", "supervisor", "admin");

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;
    @Inject
    SecurityConfig security;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Dev/test only: a signed token for a subject, call center and roles")
    public String token(@QueryParam("sub") String sub, @QueryParam("callCenterId") String callCenterId,
                        @QueryParam("roles") String roles, @QueryParam("ttlSeconds") Integer ttlSeconds) {
        Ids.require("sub", sub);
        Ids.require("callCenterId", callCenterId);
        Set<String> groups = Arrays.stream(roles == null ? "agent".split(",") : roles.split(","))
                .map(String::trim).collect(Collectors.toSet());
        if (!ROLES.containsAll(groups)) {
            throw ValidationException.of("roles", "comma-separated list of agent, supervisor, admin");
        }
        return Jwt.issuer(issuer).subject(sub).upn(sub).groups(groups).claim(security.callCenterClaim(), callCenterId)
                .expiresIn(Duration.ofSeconds(ttlSeconds == null ? 8 * 3600 : ttlSeconds)).sign();
    }
}

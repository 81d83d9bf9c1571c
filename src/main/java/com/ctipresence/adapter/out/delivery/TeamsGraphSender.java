package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.application.port.out.delivery.PresenceSender;
import com.ctipresence.application.port.out.delivery.SecretResolver;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Microsoft Teams through Microsoft Graph, as the configured app (client-credentials token from
 * {@code {loginBase}/{tenantId}/oauth2/v2.0/token}, scope {@code https://graph.microsoft.com/.default}, kept until
 * shortly before its {@code expires_in}): {@code POST {graphBase}/users/{entraUserId}/presence/setPresence} with
 * the app's session presence, or {@code .../clearPresence} for Logout/Offline. A 401 from Graph drops the token and
 * tries once more with a new one. A 404 to clearPresence (no session of the app) counts as delivered.
 */
@ApplicationScoped
public class TeamsGraphSender implements PresenceSender {

    static final String SCOPE = "https://graph.microsoft.com/.default";
    private static final Duration EARLY = Duration.ofSeconds(60);

    private final OutboundHttp http;
    private final SecretResolver secrets;
    private final TokenCache tokens;

    public TeamsGraphSender(OutboundHttp http, SecretResolver secrets) {
        this.http = http;
        this.secrets = secrets;
        this.tokens = new TokenCache(http.clock());
    }

    @Override
    public DeliveryTarget target() {
        return DeliveryTarget.TEAMS;
    }

    @Override
    public DeliveryOutcome send(DeliveryConfig config, PresenceDelivery d) {
        DeliveryConfig.Teams teams = config == null ? null : config.teams();
        try {
            if (teams == null || OutboundHttp.blank(teams.tenantId()) || OutboundHttp.blank(teams.clientId())) {
                return new DeliveryOutcome.Failed("no Teams target configured");
            }
            if (OutboundHttp.blank(d.entraUserId())) {
                return new DeliveryOutcome.Failed("agent profile has no entraUserId");
            }
            if (!d.teamsClear() && (OutboundHttp.blank(d.teamsAvailability()) || OutboundHttp.blank(d.teamsActivity()))) {
                return new DeliveryOutcome.Failed("state " + d.stateId() + " has no Teams availability/activity");
            }
            DeliverySettings s = http.settings();
            URI tokenUri = http.checked(OutboundHttp.trimSlash(s.loginBase()) + "/"
                    + OutboundHttp.segment(teams.tenantId()) + "/oauth2/v2.0/token");
            URI presenceUri = http.checked(OutboundHttp.trimSlash(s.graphBase()) + "/users/"
                    + OutboundHttp.segment(d.entraUserId()) + "/presence/"
                    + (d.teamsClear() ? "clearPresence" : "setPresence"));
            String secret = OutboundHttp.secret(secrets, teams.clientSecretRef());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sessionId", teams.clientId());
            if (!d.teamsClear()) {
                body.put("availability", d.teamsAvailability());
                body.put("activity", d.teamsActivity());
                body.put("expirationDuration", "PT" + expirationMinutes(teams.expirationMinutes()) + "M");
            }
            String json = Json.write(body);
            String key = OutboundHttp.tokenKey(tokenUri, teams.clientId(), secret);
            String what = "Graph " + (d.teamsClear() ? "clearPresence" : "setPresence");
            for (int attempt = 0; ; attempt++) {
                TokenCache.Token token = tokens.get(key, () -> fetchToken(tokenUri, teams.clientId(), secret));
                HttpRequest request = http.request(presenceUri)
                        .header("Authorization", "Bearer " + token.accessToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
                OutboundHttp.Answer answer = http.exchange(request, what);
                if (answer.status() == 401 && attempt == 0) {
                    tokens.drop(key, token);
                    continue;
                }
                if (answer.status() == 404 && d.teamsClear()) {
                    return new DeliveryOutcome.Delivered();
                }
                return http.outcome(answer, what);
            }
        } catch (DeliveryProblem p) {
            return p.outcome();
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Failed("Graph: invalid request: " + OutboundHttp.excerpt(e.getMessage()));
        }
    }

    /** Graph accepts 5 to 240 minutes (PT5M to PT4H); 0 or less means 60. */
    static int expirationMinutes(int configured) {
        if (configured <= 0) {
            return 60;
        }
        return Math.max(5, Math.min(240, configured));
    }

    private TokenCache.Token fetchToken(URI tokenUri, String clientId, String secret) throws DeliveryProblem {
        String what = "Entra ID token request";
        HttpRequest request = http.request(tokenUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(OutboundHttp.form(
                        "client_id", clientId,
                        "client_secret", secret,
                        "grant_type", "client_credentials",
                        "scope", SCOPE)))
                .build();
        OutboundHttp.Answer answer = http.exchange(request, what);
        if (!answer.ok()) {
            throw http.problem(answer, what);
        }
        JsonNode json = Json.read(answer.body());
        String accessToken = Json.text(json, "access_token");
        if (OutboundHttp.blank(accessToken)) {
            throw OutboundHttp.retry(what + ": answer has no access_token");
        }
        long expiresIn = json.path("expires_in").asLong(3599);
        Duration lifetime = Duration.ofSeconds(Math.max(0, expiresIn));
        Duration early = lifetime.compareTo(EARLY.multipliedBy(2)) >= 0 ? EARLY : lifetime.dividedBy(2);
        return new TokenCache.Token(accessToken, http.clock().instant().plus(lifetime).minus(early), null);
    }
}

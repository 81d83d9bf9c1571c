package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.SecretResolver;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * A Salesforce org's REST API as a connected app with the client-credentials flow: the token comes from
 * {@code POST {myDomainUrl}/services/oauth2/token} ({@code grant_type=client_credentials, client_id, client_secret})
 * and is kept for {@code cti.delivery.salesforce.token-ttl} (the answer carries no lifetime) per (My Domain,
 * client); data calls go to the answer's {@code instance_url} (checked by the URL policy too) under
 * {@code /services/data/<version>}. A 401 drops the token and tries once more with a new one.
 */
@ApplicationScoped
public class SalesforceClient {

    private final OutboundHttp http;
    private final SecretResolver secrets;
    private final TokenCache tokens;

    public SalesforceClient(OutboundHttp http, SecretResolver secrets) {
        this.http = http;
        this.secrets = secrets;
        this.tokens = new TokenCache(http.clock());
    }

    OutboundHttp http() {
        return http;
    }

    /**
     * Sends {@code method} with the JSON body to {@code /services/data/<version><path>} and answers what the org
     * said (any status but a second 401); a refused URL, a missing secret, a failed token request or a network
     * failure ends it as a {@link DeliveryProblem}.
     */
    OutboundHttp.Answer call(DeliveryConfig.Salesforce sf, String method, String path, String json, String what)
            throws DeliveryProblem {
        if (sf == null || OutboundHttp.blank(sf.myDomainUrl()) || OutboundHttp.blank(sf.clientId())) {
            throw DeliveryProblem.failed("no Salesforce target configured");
        }
        URI tokenUri = http.checked(OutboundHttp.trimSlash(sf.myDomainUrl()) + "/services/oauth2/token");
        String secret = OutboundHttp.secret(secrets, sf.clientSecretRef());
        String key = OutboundHttp.tokenKey(tokenUri, sf.clientId(), secret);
        for (int attempt = 0; ; attempt++) {
            TokenCache.Token token = tokens.get(key, () -> fetchToken(tokenUri, sf.clientId(), secret));
            URI uri = http.checked(OutboundHttp.trimSlash(token.instanceUrl()) + "/services/data/"
                    + http.settings().salesforceApiVersion() + path);
            HttpRequest request;
            try {
                request = http.request(uri)
                        .header("Authorization", "Bearer " + token.accessToken())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build();
            } catch (IllegalArgumentException e) {
                throw DeliveryProblem.failed(what + ": invalid request: " + OutboundHttp.excerpt(e.getMessage()));
            }
            OutboundHttp.Answer answer = http.exchange(request, what);
            if (answer.status() == 401 && attempt == 0) {
                tokens.drop(key, token);
                continue;
            }
            return answer;
        }
    }

    private TokenCache.Token fetchToken(URI tokenUri, String clientId, String secret) throws DeliveryProblem {
        String what = "Salesforce token request";
        HttpRequest request = http.request(tokenUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OutboundHttp.form(
                        "grant_type", "client_credentials",
                        "client_id", clientId,
                        "client_secret", secret)))
                .build();
        OutboundHttp.Answer answer = http.exchange(request, what);
        if (!answer.ok()) {
            throw http.problem(answer, what);
        }
        JsonNode json = Json.read(answer.body());
        String accessToken = Json.text(json, "access_token");
        String instanceUrl = Json.text(json, "instance_url");
        if (OutboundHttp.blank(accessToken) || OutboundHttp.blank(instanceUrl)) {
            throw OutboundHttp.retry(what + ": answer has no access_token or instance_url");
        }
        return new TokenCache.Token(accessToken,
                http.clock().instant().plus(http.settings().salesforceTokenTtl()), instanceUrl);
    }
}

package com.ctipresence.adapter.out.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth2 access tokens by (token endpoint, client), each until its own end of validity on the injected clock. One
 * request at a time fetches a missing token per key (concurrent deliveries wait for it instead of each asking).
 * Tokens are never logged.
 */
final class TokenCache {

    /** An access token, the end of its use, and (Salesforce) the instance its data calls go to. */
    record Token(String accessToken, Instant validUntil, String instanceUrl) {
        @Override
        public String toString() {
            return "Token[validUntil=" + validUntil + ", instanceUrl=" + instanceUrl + "]";
        }
    }

    @FunctionalInterface
    interface Fetcher {
        Token fetch() throws DeliveryProblem;
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    TokenCache(Clock clock) {
        this.clock = clock;
    }

    Token get(String key, Fetcher fetcher) throws DeliveryProblem {
        Token token = tokens.get(key);
        if (valid(token)) {
            return token;
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            token = tokens.get(key);
            if (valid(token)) {
                return token;
            }
            token = fetcher.fetch();
            tokens.put(key, token);
            return token;
        }
    }

    /** Forgets the token (after a 401), unless another delivery has already replaced it. */
    void drop(String key, Token token) {
        tokens.remove(key, token);
    }

    private boolean valid(Token token) {
        return token != null && clock.instant().isBefore(token.validUntil());
    }
}

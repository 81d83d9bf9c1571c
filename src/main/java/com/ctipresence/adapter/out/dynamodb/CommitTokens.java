package com.ctipresence.adapter.out.dynamodb;

import com.ctipresence.application.port.out.AgentCommit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The ClientRequestToken of an agent commit, derived from what it writes (the agent before and after, its history
 * entries, bookings and processed event): the same commit always has the same token, a different one another.
 */
final class CommitTokens {
    private CommitTokens() {
    }

    static String of(AgentCommit commit) {
        String canonical = commit.change().before() + "|" + commit.change().after() + "|"
                + commit.change().transitions() + "|" + commit.change().bookings() + "|" + commit.change().closed() + "|"
                + commit.event() + "|" + commit.deliveries();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            return new UUID(bytes.getLong(), bytes.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

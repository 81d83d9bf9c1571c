package com.ctipresence.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server refuses to start, with one clear line, no stack trace and a non-zero exit code (and no process
 * left serving nothing), when its HTTP port or its embedded store's port is taken, or when production would verify
 * tokens with the development key committed in src/dev/keys.
 */
class StartupFailureIT {
    static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void aTakenHttpPort(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            int port = taken.getLocalPort();
            RunningServer.Exit exit = RunningServer.runUntilExit(LIMIT, port, dataDir, RunningServer.freePort());
            assertOneLineFailure(exit, "port " + port + " (HTTP) is already in use; set quarkus.http.port / "
                    + "QUARKUS_HTTP_PORT");
        }
    }

    @Test
    void aTakenStorePort(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            int port = taken.getLocalPort();
            RunningServer.Exit exit = RunningServer.runUntilExit(LIMIT, RunningServer.freePort(), dataDir, port);
            assertOneLineFailure(exit, "port " + port + " (embedded DynamoDB Local) is already in use; set "
                    + "cti.dynamodb.embedded.port / CTI_DYNAMODB_EMBEDDED_PORT");
        }
    }

    @Test
    void theDevelopmentTokenKeyInProduction(@TempDir Path dataDir) throws Exception {
        String devKey = "file:" + Path.of("src/dev/keys/dev-public.pem").toAbsolutePath();
        RunningServer.Exit exit = RunningServer.runUntilExit(LIMIT, RunningServer.freePort(), dataDir,
                RunningServer.freePort(), "-Dmp.jwt.verify.publickey.location=" + devKey);
        assertOneLineFailure(exit, "refusing to start: the token key (mp.jwt.verify.publickey.location=" + devKey
                + ") is the development key committed in src/dev/keys");
    }

    private static void assertOneLineFailure(RunningServer.Exit exit, String expected) {
        System.out.printf("---- output (exit code %s):%n%s----%n", exit.code(), exit.output());
        assertThat(exit.code()).as("exit code (null: still running after %s)\n%s", LIMIT, exit.output())
                .isNotNull().isNotZero();
        List<String> lines = exit.output().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.stream().filter(l -> l.contains(expected)).toList()).as("the reason, once")
                .hasSize(1);
        assertThat(lines).as("no stack trace").noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
        assertThat(lines).as("nothing else is an error").filteredOn(l -> l.contains("ERROR")).isEmpty();
    }
}

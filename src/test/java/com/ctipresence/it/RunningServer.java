package com.ctipresence.it;

import com.ctipresence.support.TestKeys;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged application started as ops and the README start it: its own JVM, embedded DynamoDB Local. */
final class RunningServer implements AutoCloseable {
    private final Process process;
    final int httpPort;
    final Path log;

    private RunningServer(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    static RunningServer start(Path dataDir, int dynamoPort, String... extraProperties) throws Exception {
        RunningServer server = launch(dataDir, dynamoPort, extraProperties);
        server.awaitReady();
        return server;
    }

    /** Starts it and returns at once, before it answers (tests of what it answers while starting). */
    static RunningServer launch(Path dataDir, int dynamoPort, String... extraProperties) throws Exception {
        int httpPort = freePort();
        Path log = Files.createTempFile("cti-presence-it", ".log");
        Process process = new ProcessBuilder(command(httpPort, dataDir, dynamoPort, extraProperties))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new RunningServer(process, httpPort, log);
    }

    /** How a start that must fail ended: exit code (or null if still running at the deadline) and all output. */
    record Exit(Integer code, String output) {
    }

    /**
     * Starts the packaged server with these HTTP and store ports and waits, at most {@code limit}, for it to end by
     * itself; a server still running then is killed (code null).
     */
    static Exit runUntilExit(Duration limit, int httpPort, Path dataDir, int dynamoPort, String... extraProperties)
            throws Exception {
        Path log = Files.createTempFile("cti-presence-it", ".log");
        Process process = new ProcessBuilder(command(httpPort, dataDir, dynamoPort, extraProperties))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly();
            process.waitFor();
        }
        return new Exit(ended ? process.exitValue() : null, Files.readString(log));
    }

    private static List<String> command(int httpPort, Path dataDir, int dynamoPort, String... extraProperties) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(com.ctipresence.support.ProductionJvm.OPTIONS);
        // the build's class-data-sharing archive, strictly: a missing or unusable archive fails the start
        command.add("-Xshare:on");
        command.addAll(List.of(
                "-Dquarkus.http.port=" + httpPort,
                "-Dcti.dynamodb.embedded.port=" + dynamoPort,
                "-Dcti.dynamodb.embedded.data-dir=" + dataDir,
                // production build: the deployment names its token key and issuer; here, a key made for this run
                // (the committed development key refuses the start, see StartupFailureIT)
                "-Dmp.jwt.verify.publickey.location=file:" + TestKeys.publicPem(),
                "-Dmp.jwt.verify.issuer=" + TestKeys.ISSUER));
        command.addAll(List.of(extraProperties)); // a later -D wins
        command.addAll(List.of("-jar", application().toString()));
        return command;
    }

    /**
     * The application the build packaged last: the uber-jar ({@code *-runner.jar}) or a fast-jar
     * ({@code quarkus-app/quarkus-run.jar}), whichever is newer, so a package of another kind left in
     * {@code target/} by an earlier build is never the one tested.
     */
    static Path application() {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        List<Path> candidates = new java.util.ArrayList<>();
        Path fastJar = target.resolve("quarkus-app/quarkus-run.jar");
        if (Files.exists(fastJar)) {
            candidates.add(fastJar);
        }
        try (var files = Files.list(target)) {
            files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).forEach(candidates::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return candidates.stream().max(java.util.Comparator.comparing(RunningServer::modified))
                .orElseThrow(() -> new IllegalStateException("no packaged application in " + target
                        + ": run ./mvnw verify"));
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("server not ready within 90 s:\n" + Files.readString(log));
    }

    /** Ends the process as a crash or a power cut would: no shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }
}

package com.ctipresence.bench;

import com.ctipresence.lambda.Channels;
import com.ctipresence.support.Api;
import com.ctipresence.support.LambdaHarness;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * (e) The {@code api} Lambda function (the AWS package, target/function.zip of {@code -Plambda}, built in a temporary
 * copy of the project in the same run) under AWS's runtime interface client, vs a bare Quarkus {@code @Named}
 * handler ({@code src/bench/bare-lambda}) under the same client and JVM flags: init (process start to its first
 * GET .../invocation/next, where Lambda's init phase ends), the first (cold) invoke and warm invokes (from handing
 * out the event to its response), an agent reading its own presence.
 */
class LambdaBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CC = "bench-lambda";
    private static final String AGENT = "agent-1";
    private static final String PRESENCE = "/v1/call-centers/{callCenterId}/agents/{agentId}/presence";
    /** The functions' MemorySize in infra/template.yaml, which Lambda gives the JVM as its machine's memory. */
    private static final String MEMORY = "-XX:MaxRAM=1024m";

    /** What one run of a function measured (ms). */
    record Run(double init, double firstInvoke, double warmP50, double warmP99) {
    }

    @Test
    void lambdaAgainstTheFloor() throws Exception {
        measure();
    }

    /** The suite's (e): medians over the rounds, each round a fresh JVM of each function. */
    static void measure() throws Exception {
        Path work = Files.createTempDirectory("cti-bench-lambda");
        try {
            measure(work);
        } finally {
            deleteTree(work); // the copy, its build, the unzipped functions: ~130 MB
        }
    }

    private static void measure(Path work) throws Exception {
        long buildStart = System.nanoTime();
        Path api = LambdaHarness.unzip(awsPackage(work), work.resolve("api-task"));
        Path bare = LambdaHarness.unzip(bareFunction(), work.resolve("bare-task"));
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        String javaToolOptions = templateJavaToolOptions() + " " + MEMORY;
        int warmUp = Bench.size(200, 20);
        int invokes = Bench.size(500, 20);
        try (LambdaHarness.Store store = LambdaHarness.Store.start("bench-")) {
            Map<String, String> apiEnv = new HashMap<>(LambdaHarness.functionEnv("api", store));
            apiEnv.put("JAVA_TOOL_OPTIONS", javaToolOptions);
            Map<String, String> bareEnv = Map.of("JAVA_TOOL_OPTIONS", javaToolOptions);
            seed(api, apiEnv, work);
            String read = Channels.apiEvent("GET", PRESENCE, CC, AGENT, null, AGENT, "agent").toString();
            List<Run> apiRuns = new ArrayList<>();
            List<Run> bareRuns = new ArrayList<>();
            for (int round = 0; round < Bench.ROUNDS; round++) {
                bareRuns.add(run(bare, "bare", bareEnv, read, warmUp, invokes, work.resolve("bare-" + round + ".log")));
                apiRuns.add(run(api, "api", apiEnv, read, warmUp, invokes, work.resolve("api-" + round + ".log")));
            }
            Bench.row("e", "api handler init (start → first /next)", median(apiRuns, Run::init), "ms",
                    median(bareRuns, Run::init), null, null);
            Bench.row("e", "api handler first invoke (cold)", median(apiRuns, Run::firstInvoke), "ms",
                    median(bareRuns, Run::firstInvoke), null, null);
            Bench.row("e", "api handler warm invoke p50 (after " + warmUp + ")", median(apiRuns, Run::warmP50), "ms",
                    median(bareRuns, Run::warmP50), null, null);
            Bench.row("e", "api handler warm invoke p99 (" + invokes + " invokes)", median(apiRuns, Run::warmP99),
                    "ms", median(bareRuns, Run::warmP99), null, null);
        }
        Bench.note(String.format("(e) floor: a bare Quarkus @Named RequestHandler<Map,Map> (src/bench/bare-lambda, "
                        + "plain quarkus-amazon-lambda) answering a fixed HTTP API response to the same event: GET "
                        + "presence of an agent reading its own; both function.zip run under the runtime interface "
                        + "client in a fresh JVM per round with the template's JAVA_TOOL_OPTIONS plus %s (its "
                        + "MemorySize); the api function's store an in-memory DynamoDB Local in the suite's JVM; "
                        + "without SnapStart (a full init, no snapshot restore), on this JDK %s (Lambda: java21); "
                        + "building both packages took %.0f s", MEMORY, System.getProperty("java.version"),
                buildSeconds));
    }

    /** Configures the call center and sets the agent's presence, through the api function itself. */
    private static void seed(Path api, Map<String, String> env, Path work) throws Exception {
        List<String> events = List.of(
                Channels.apiEvent("PUT", "/v1/call-centers/{callCenterId}", CC, null,
                        Api.config(0, true), "admin-1", "admin").toString(),
                Channels.apiEvent("PUT", PRESENCE, CC, AGENT, "{\"stateId\":\"ready\"}", AGENT, "agent").toString());
        try (LambdaHarness.FakeRuntimeApi runtime = new LambdaHarness.FakeRuntimeApi()) {
            runtime.events.addAll(events);
            Path log = work.resolve("seed.log");
            Process process = LambdaHarness.start(api, runtime, "cti-presence-api", env, log);
            try {
                answers(runtime, events.size(), log);
            } finally {
                LambdaHarness.stop(process);
            }
        }
    }

    /** One fresh function JVM: its init, its first invoke, then {@code warmUp} + {@code invokes} invokes. */
    private static Run run(Path taskRoot, String name, Map<String, String> env, String event, int warmUp,
                           int invokes, Path log) throws Exception {
        try (LambdaHarness.FakeRuntimeApi runtime = new LambdaHarness.FakeRuntimeApi()) {
            runtime.events.add(event);
            long start = System.nanoTime();
            Process process = LambdaHarness.start(taskRoot, runtime, "cti-presence-" + name, env, log);
            try {
                JsonNode first = answers(runtime, 1, log).get(0);
                if (!first.path("body").asText().contains("stateId")) {
                    throw new IllegalStateException(name + ": not a presence: " + first);
                }
                double init = (runtime.firstNextNanos() - start) / 1e6;
                double firstInvoke = runtime.invokeNanos.take() / 1e6;
                for (int i = 0; i < warmUp + invokes; i++) {
                    runtime.events.add(event);
                }
                answers(runtime, warmUp + invokes, log);
                List<Long> nanos = new ArrayList<>();
                runtime.invokeNanos.drainTo(nanos);
                double[] warm = Bench.sorted(nanos.subList(warmUp, nanos.size()));
                return new Run(init, firstInvoke, Bench.quantile(warm, .5), Bench.quantile(warm, .99));
            } finally {
                LambdaHarness.stop(process);
            }
        }
    }

    /** The next {@code n} answers, each an HTTP 200; fails with the function's log otherwise. */
    private static List<JsonNode> answers(LambdaHarness.FakeRuntimeApi runtime, int n, Path log) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String answer = runtime.answers.poll(120, TimeUnit.SECONDS);
            JsonNode json = answer == null ? null : JSON.readTree(answer);
            if (json == null || json.path("statusCode").asInt() != 200 || !runtime.errors.isEmpty()) {
                throw new IllegalStateException("answer " + i + ": " + answer + " " + runtime.errors + "; log:\n"
                        + tail(log));
            }
            answers.add(json);
        }
        return answers;
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        return Bench.median(runs.stream().map(figure::applyAsDouble).toList());
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.length() <= 8_000 ? text : text.substring(text.length() - 8_000);
    }

    /** JAVA_TOOL_OPTIONS of the functions in infra/template.yaml, so the benchmark follows the template. */
    static String templateJavaToolOptions() throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*JAVA_TOOL_OPTIONS:\\s*(.+?)\\s*$")
                .matcher(Files.readString(Path.of("infra/template.yaml")));
        if (!m.find()) {
            throw new IllegalStateException("no JAVA_TOOL_OPTIONS in infra/template.yaml");
        }
        return m.group(1);
    }

    /**
     * The AWS package, built as {@code ./mvnw -Plambda package} builds it, but in a temporary copy of the project
     * (pom.xml, the wrapper, src/main), offline and without tests, so that the running -Pbench build's target/ stays
     * as it is.
     */
    static Path awsPackage(Path work) throws Exception {
        Path copy = work.resolve("aws-build");
        for (String part : List.of("pom.xml", "mvnw", ".mvn", "src/main")) {
            copyTree(Path.of(part), copy.resolve(part));
        }
        Path zip = copy.resolve("target/function.zip");
        build(copy, "aws-build", List.of("-Plambda", "package", "-Dmaven.test.skip=true"));
        if (!Files.exists(zip)) {
            throw new IllegalStateException("the -Plambda build left no " + zip);
        }
        return zip;
    }

    /** Builds src/bench/bare-lambda offline with the project's wrapper; returns its function.zip. */
    static Path bareFunction() throws Exception {
        Path pom = Path.of("src/bench/bare-lambda/pom.xml").toAbsolutePath();
        build(Path.of("").toAbsolutePath(), "bare-lambda", List.of("-f", pom.toString(), "package"));
        Path zip = pom.getParent().resolve("target/function.zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException("the bare-lambda build left no " + zip);
        }
        return zip;
    }

    private static void build(Path dir, String name, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(dir.resolve("mvnw").toString(), "-o", "-q", "-B"));
        command.addAll(args);
        Path log = Files.createTempFile("bench-" + name, ".log");
        Process build = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("building " + name + " failed: " + tail(log));
        }
        Files.delete(log);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

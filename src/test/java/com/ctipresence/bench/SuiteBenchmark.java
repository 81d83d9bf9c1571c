package com.ctipresence.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark suite of issue 12: {@code ./mvnw -Pbench package} (the packaged server is built first, then only
 * this class runs; {@code -Dbench.quick=true} for a one-minute run with tiny sizes that proves the harness).
 * Every figure is put beside a floor measured in the same run; at least 3 rounds, medians. It prints each target's
 * verdict and writes docs/BENCHMARKS.md (or target/BENCHMARKS-quick.md in quick mode). It asserts nothing: a
 * missed target is reported, not failed.
 */
class SuiteBenchmark {

    @Test
    void suite() throws Exception {
        Instant begin = Instant.now();
        Path work = Files.createTempDirectory("cti-bench");
        Path jar = ServerBench.serverJar();
        section("http", "http clients", HttpClientBench::run);
        section("ab", "(a)+(b) server: changes, requests, wrap-up lateness",
                () -> ServerBench.changesAndLateness(jar, work));
        section("c", "(c) tick", TickBenchmark::measure);
        section("d", "(d) start-up and memory", () -> ServerBench.startupAndMemory(jar, work));
        section("e", "(e) Lambda handler", LambdaBench::measure);
        Duration took = Duration.between(begin, Instant.now());
        write(took);
    }

    /** The line after which docs/BENCHMARKS.md is written by hand and kept by every run. */
    static final String FINDINGS = "<!-- findings: written by hand, kept by reruns -->";

    private interface Part {
        void run() throws Exception;
    }

    /** {@code -Dbench.only=ab,d} runs only those parts (ids: http, ab, c, d, e); the report then has only theirs. */
    private static final List<String> ONLY = List.of(System.getProperty("bench.only", "").split(",")).stream()
            .map(String::trim).filter(p -> !p.isEmpty()).toList();

    private static void section(String id, String name, Part part) {
        if (!ONLY.isEmpty() && !ONLY.contains(id)) {
            return;
        }
        System.out.printf("%n======== %s ========%n", name);
        long start = System.nanoTime();
        try {
            part.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            Bench.note(name + " did not complete: " + e);
        }
        System.out.printf("======== %s: %d s%n", name, (System.nanoTime() - start) / 1_000_000_000);
    }

    private static void write(Duration took) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("""
                Rerun: `./mvnw -Pbench package` (builds the packaged server, then runs only
                `bench/SuiteBenchmark`; not part of `./mvnw verify`). `-Dbench.quick=true` runs tiny sizes in about a
                minute (to prove the harness, not to measure; written to `target/BENCHMARKS-quick.md`).
                `-Dbench.rounds=3` sets the rounds; `-Dbench.only=ab,d` runs only those parts (`http`, `ab`, `c`, `d`,
                `e`; written to `target/BENCHMARKS-partial.md`). Each figure is beside its floor measured in the same run on the
                same machine, so the machine's speed mostly cancels out; the ratio is figure ÷ floor. Medians over the
                rounds. The server runs as the README's production command starts it (`%s`).

                What is measured, and against what:
                - **http**: GetItem requests/s against an in-process DynamoDB Local through the SDK's HTTP clients
                  (url-connection, the application's; Apache; CRT), alternating in each round. Floor: url-connection.
                - **(a)** presence changes (PUT presence) over HTTP to the packaged server, 1, 8, 32 clients, each
                  client alternating between 4 agents; floor: the raw 2-request change (consistent GetItem +
                  TransactWriteItems of the agent update and a history put) straight against the server's own
                  DynamoDB Local, through the server's HTTP client (Apache). DynamoDB requests per operation from the server's `cti.store.requests` counter.
                - **(b)** wrap-up lateness (the server's `cti.wrapup.lateness` histogram: time from `wrapUpUntil` to the
                  committed expiry) while 8 clients change presence at half the 8-client throughput measured in (a)
                  and the wrap-ups' call center (time tracking every 5 s) is ticked: a tick of its 1,000 agents runs
                  while they end.
                  *Concurrent* (the target): 1,000 calls end one after another over 80 %% of the wrap-up time, so all
                  1,000 wrap-ups run at once and run out at that pace. *Burst* (no target): 300 calls end as fast as
                  the server takes them. Percentiles are histogram bucket upper bounds (50 ms is a bucket of its own).
                - **(c)** one tick of N agents (in-process, `TickService.tick`, the store on disk as the server keeps
                  it) vs one raw conditional UpdateItem per agent with the same concurrency: the very checkpoints
                  the tick wrote (accounting mark and running totals, as large as the tick's), sent again straight
                  to the store without a read, conditional on what they wrote (so they change nothing). Side by side
                  in each round (their order alternating); the verdict takes the median of the rounds' ratios.
                  Write requests counted by an SDK interceptor.
                - **(d)** process start to the first 200 of `/q/health/ready` (the store is up) vs a bare Quarkus REST
                  app (`src/bench/bare-app`, built in the same run, started with the same heap options) to its first
                  200; RSS from /proc. The server maps the class-data-sharing archive the build made
                  (`target/app-cds.jsa`), as the README's run command does; for a fair second view the bare app is
                  also started with an archive of its own (made in the run the same way), and the server without its
                  archive.
                - **(e)** the `api` Lambda function (the `-Plambda` function.zip, built in a temporary copy of the project)
                  under AWS's runtime interface client with a fake Runtime API: init (process start to its first
                  `GET /invocation/next`), first invoke and warm invokes (event handed out to response) of an agent
                  reading its presence, vs a bare Quarkus `@Named` handler (`src/bench/bare-lambda`, same run).

                """.formatted(String.join(" ", ServerBench.SERVER_JVM)));
        md.append(String.format(Locale.ROOT, "Recorded %s on %s (%d CPUs, JDK %s, %s)%s; the run took %d s.%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), host(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Bench.QUICK ? " — QUICK MODE, tiny sizes: these numbers mean nothing" : "", took.toSeconds()));
        md.append("| part | figure | value | floor | ratio | target | verdict |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Bench.Row row : Bench.ROWS) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s | %s |%n", row.section(),
                    row.figure(), Bench.fmt(row.value()), row.unit(),
                    Double.isNaN(row.floor()) ? "—" : Bench.fmt(row.floor()) + " " + row.unit(), row.ratio(),
                    row.target() == null ? "—" : row.target(), row.verdict()));
        }
        md.append("\nNotes:\n\n");
        for (String note : Bench.NOTES) {
            md.append("- ").append(note).append('\n');
        }
        List<Bench.Row> missed = Bench.ROWS.stream().filter(r -> Boolean.FALSE.equals(r.met())).toList();
        md.append("\nTargets missed in this run: ").append(missed.isEmpty() ? "none"
                : String.join("; ", missed.stream().map(r -> r.section() + " " + r.figure()).toList())).append(".\n");
        Path out = Bench.QUICK ? Path.of("target/BENCHMARKS-quick.md")
                : ONLY.isEmpty() ? Path.of("docs/BENCHMARKS.md") : Path.of("target/BENCHMARKS-partial.md");
        // what a person wrote below the marker (findings, profiles, what remains and why) survives a rerun
        Path kept = Path.of("docs/BENCHMARKS.md");
        if (Files.exists(kept)) {
            String previous = Files.readString(kept);
            int at = previous.indexOf(FINDINGS);
            if (at >= 0) {
                md.append('\n').append(previous.substring(at));
            }
        }
        Files.writeString(out, md.toString());
        System.out.printf("%nwritten: %s%n%s%n", out.toAbsolutePath(), md);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}

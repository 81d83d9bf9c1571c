package com.ctipresence.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers of the benchmark suite: sizes (quick or full), statistics, processes, metrics, the report. */
final class Bench {
    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final int ROUNDS = Integer.getInteger("bench.rounds", QUICK ? 1 : 3);

    private Bench() {
    }

    static int size(int full, int quick) {
        return QUICK ? quick : full;
    }

    static double size(double full, double quick) {
        return QUICK ? quick : full;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The value at quantile q (0..1) of sorted values. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    static double[] sorted(List<Long> nanos) {
        double[] values = nanos.stream().mapToDouble(n -> n / 1e6).toArray();
        Arrays.sort(values);
        return values;
    }

    /** Resident set size of a process in MB (Linux /proc). */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Prometheus text: sum of the samples of {@code name} whose labels contain every {@code labels} pair. */
    static double metric(String text, String name, String... labels) {
        double sum = 0;
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+([-+0-9.eE]+|NaN)\\s*$",
                Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            String labelText = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (!labelText.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    all = false;
                }
            }
            if (all && !m.group(2).equals("NaN")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    /** The cumulative histogram buckets (le in seconds → count) of a Prometheus timer. */
    static Map<Double, Double> buckets(String text, String name) {
        Map<Double, Double> result = new HashMap<>();
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*\\}\\s+([0-9.eE+-]+)",
                Pattern.MULTILINE).matcher(text);
        while (m.find()) {
            double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
            result.merge(le, Double.parseDouble(m.group(2)), Double::sum);
        }
        return result;
    }

    /** The quantile (upper bucket bound, seconds) of the observations between two scrapes of a histogram. */
    static double histogramQuantile(Map<Double, Double> before, Map<Double, Double> after, double q) {
        List<Double> les = new ArrayList<>(after.keySet());
        les.sort(Double::compare);
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
                - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (double le : les) {
            double count = after.get(le) - before.getOrDefault(le, 0.0);
            if (count >= q * total) {
                return le;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return "∞";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** One line of the report: a figure, its floor, the ratio, and the target's verdict if it has one. */
    record Row(String section, String figure, double value, String unit, double floor, String target,
               Boolean met) {
        String ratio() {
            return Double.isNaN(floor) || floor == 0 ? "—" : fmt(value / floor);
        }

        String verdict() {
            return met == null ? "—" : met ? "met" : "NOT met";
        }
    }

    /** The rows of the whole run, in order. */
    static final List<Row> ROWS = new ArrayList<>();
    static final List<String> NOTES = new ArrayList<>();

    static void row(String section, String figure, double value, String unit, double floor, String target,
                    Boolean met) {
        Row row = new Row(section, figure, value, unit, floor, target, met);
        ROWS.add(row);
        System.out.printf(Locale.ROOT, "BENCH %-4s %-58s %12s %-8s floor %12s ratio %6s %s%n", section, figure,
                fmt(value), unit, Double.isNaN(floor) ? "—" : fmt(floor), row.ratio(),
                met == null ? "" : "[" + target + ": " + row.verdict() + "]");
    }

    static void note(String text) {
        NOTES.add(text);
        System.out.println("BENCH note: " + text);
    }
}

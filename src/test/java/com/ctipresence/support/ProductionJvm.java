package com.ctipresence.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's production run command's JVM options, for the tests and benchmarks that start the packaged server as
 * it says (it/RunningServer, bench/ServerBench).
 */
public final class ProductionJvm {
    /** Its heap and collector. */
    public static final List<String> HEAP = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");
    /** The build's class-data-sharing archive (pom.xml, execution appcds-archive). */
    public static final Path ARCHIVE = Path.of(System.getProperty("project.build.directory", "target"),
            "app-cds.jsa");
    /** All of them: the archive, then HEAP. */
    public static final List<String> OPTIONS = concat("-XX:SharedArchiveFile=" + ARCHIVE, HEAP);

    private ProductionJvm() {
    }

    /** {@code first}, then {@code rest}. */
    public static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return List.copyOf(all);
    }
}

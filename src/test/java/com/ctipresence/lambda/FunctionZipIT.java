package com.ctipresence.lambda;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS package ({@code ./mvnw -Plambda verify}): target/function.zip holds the application and its libraries,
 * and none of what only the local server and the tests need — no DynamoDB Local, Jetty, sqlite4java natives, the
 * embedded store's bean, the development keys or test classes. Prints its size.
 */
class FunctionZipIT {
    static Path functionZip() {
        return Path.of(System.getProperty("project.build.directory", "target"), "function.zip");
    }

    @Test
    void containsTheFunctionAndNothingOfTheLocalServerOrTheTests() throws IOException {
        Path zip = functionZip();
        assertThat(zip).as("build it with ./mvnw -Plambda package").exists();
        long bytes = Files.size(zip);
        System.out.printf("%nfunction.zip: %,d bytes (%.1f MB)%n%n", bytes, bytes / 1_000_000.0);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            assertThat(names).as("the application and its libraries")
                    .contains("com/ctipresence/adapter/in/lambda/ApiFunction.class")
                    .anyMatch(n -> n.startsWith("lib/") && n.contains("quarkus-amazon-lambda"))
                    .anyMatch(n -> n.startsWith("lib/") && n.contains("software.amazon.awssdk.dynamodb"));
            assertThat(names).as("nothing of DynamoDB Local, Jetty, sqlite4java, the embedded store, tests, dev keys")
                    .noneMatch(n -> n.contains("DynamoDBLocal") || n.contains("dynamodbv2/local"))
                    .noneMatch(n -> n.contains("jetty"))
                    .noneMatch(n -> n.contains("sqlite4java") || n.endsWith(".so") || n.endsWith(".dll")
                            || n.endsWith(".dylib"))
                    .noneMatch(n -> n.contains("EmbeddedDynamoDb_"))
                    .noneMatch(n -> n.contains("/support/") || n.endsWith("Test.class") || n.endsWith("IT.class"))
                    .noneMatch(n -> n.contains("junit") || n.contains("rest-assured") || n.contains("archunit"))
                    .noneMatch(n -> n.endsWith(".pem"));
        }
        assertThat(bytes).as("size").isLessThan(60_000_000);
    }
}

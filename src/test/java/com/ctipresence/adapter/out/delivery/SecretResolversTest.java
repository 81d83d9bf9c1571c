package com.ctipresence.adapter.out.delivery;

import com.ctipresence.support.TestClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two secret resolvers: the local one (environment, then configuration; only CTI_SECRET_* names) and the AWS
 * one, whose SDK client talks real HTTP to a fake Secrets Manager (so the generated client at 2.40.2 is exercised on
 * the BOM's SDK core).
 */
class SecretResolversTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:cti/pbx-AbCdEf";
    private static final String MISSING = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:cti/none-XyZ";
    private static final String DENIED = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:other-Q1w2E3";

    private WireMockServer server;
    private TestClock clock;

    @BeforeEach
    void start() {
        server = DeliveryFixtures.startServer();
        clock = TestClock.frozenAt(TestClock.FIXED);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void localSecretsComeFromTheEnvironmentThenTheConfigurationAndOnlyWithThePrefix() {
        Map<String, String> env = Map.of("CTI_SECRET_PBX", "from-env", "AWS_SECRET_ACCESS_KEY", "never",
                "CTI_SECRET_EMPTY", "");
        Map<String, String> config = Map.of("CTI_SECRET_PBX", "from-config", "CTI_SECRET_TEAMS", "teams-config",
                "CTI_SECRET_EMPTY", "config-fallback", "quarkus.datasource.password", "never");
        ConfigSecretResolver resolver = new ConfigSecretResolver("CTI_SECRET_", env::get,
                name -> Optional.ofNullable(config.get(name)));

        assertThat(resolver.resolve("CTI_SECRET_PBX")).contains("from-env");
        assertThat(resolver.resolve("CTI_SECRET_TEAMS")).contains("teams-config");
        assertThat(resolver.resolve("CTI_SECRET_EMPTY")).contains("config-fallback");
        assertThat(resolver.resolve("CTI_SECRET_NONE")).isEmpty();
        assertThat(resolver.resolve("AWS_SECRET_ACCESS_KEY")).isEmpty();
        assertThat(resolver.resolve("quarkus.datasource.password")).isEmpty();
        assertThat(resolver.resolve("CTI_SECRET_../x")).isEmpty();
        assertThat(resolver.resolve("")).isEmpty();
        assertThat(resolver.resolve(null)).isEmpty();
    }

    private AwsSecretsManagerResolver aws() {
        return new AwsSecretsManagerResolver(() -> SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .endpointOverride(URI.create(DeliveryFixtures.base(server)))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .build(), Duration.ofMinutes(5), clock);
    }

    private void secretsManager() {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("cti/pbx-AbCdEf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"" + ARN + "\",\"Name\":\"cti/pbx\",\"SecretString\":\"hmac-key-1\","
                                + "\"VersionId\":\"v1\",\"CreatedDate\":1.7949996E9}")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("cti/none-XyZ"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                        .withBody("{\"__type\":\"ResourceNotFoundException\","
                                + "\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("secret:other"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                        .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized\"}")));
    }

    @Test
    void awsSecretsAreReadByArnAndKeptForTheCacheTime() {
        secretsManager();
        AwsSecretsManagerResolver resolver = aws();

        assertThat(resolver.resolve(ARN)).contains("hmac-key-1");
        assertThat(resolver.resolve(ARN)).contains("hmac-key-1");
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(1);
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString())
                .isEqualTo("{\"SecretId\":\"" + ARN + "\"}");
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/");

        clock.advance(Duration.ofMinutes(5));
        assertThat(resolver.resolve(ARN)).contains("hmac-key-1");
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(2);
    }

    @Test
    void anUnknownSecretIsEmptyAndOtherFailuresThrow() {
        secretsManager();
        AwsSecretsManagerResolver resolver = aws();

        assertThat(resolver.resolve(MISSING)).isEmpty();
        assertThatThrownBy(() -> resolver.resolve(DENIED)).isInstanceOf(SecretsManagerException.class);
        assertThat(resolver.resolve("CTI_SECRET_PBX")).isEmpty();
        assertThat(resolver.resolve("arn:aws:iam::123456789012:role/x")).isEmpty();
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(2);
    }
}

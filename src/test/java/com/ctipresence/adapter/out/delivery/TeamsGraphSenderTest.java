package com.ctipresence.adapter.out.delivery;

import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.support.TestClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Microsoft Graph presence against in-process fakes of Entra ID's token endpoint and Graph. */
class TeamsGraphSenderTest {

    private static final String TENANT = "4d3c2b1a-0000-4000-8000-000000000001";
    private static final String CLIENT = "22553876-f5ab-4529-bffb-cfe50aa89f87";
    private static final String USER = "8f1c2d3e-0000-4000-8000-00000000a007";
    private static final String TOKEN_PATH = "/login/" + TENANT + "/oauth2/v2.0/token";
    private static final String SET_PATH = "/graph/v1.0/users/" + USER + "/presence/setPresence";
    private static final String CLEAR_PATH = "/graph/v1.0/users/" + USER + "/presence/clearPresence";

    private WireMockServer server;
    private TestClock clock;
    private TeamsGraphSender teams;
    private final DeliveryConfig config = new DeliveryConfig(null, null,
            new DeliveryConfig.Teams(TENANT, CLIENT, "CTI_SECRET_TEAMS", 30), null);

    @BeforeEach
    void start() {
        server = DeliveryFixtures.startServer();
        clock = TestClock.frozenAt(TestClock.FIXED);
        teams = new TeamsGraphSender(DeliveryFixtures.http(DeliveryFixtures.settings(server), clock),
                new DeliveryFixtures.MapSecrets().with("CTI_SECRET_TEAMS", "s3cr3t&=+ value"));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void tokenAnswers(String... tokens) {
        String state = Scenario.STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String next = "token-" + (i + 1);
            server.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(state)
                    .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                            + "\"access_token\":\"" + tokens[i] + "\"}"))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private List<LoggedRequest> requests(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void setsTheSessionPresenceWithAClientCredentialsTokenAndReusesTheToken() {
        tokenAnswers("eyJ.first");
        server.stubFor(post(urlEqualTo(SET_PATH)).willReturn(aResponse().withStatus(200)));

        assertThat(teams.send(config, DeliveryFixtures.dnd())).isEqualTo(new DeliveryOutcome.Delivered());
        assertThat(teams.send(config, DeliveryFixtures.dnd())).isEqualTo(new DeliveryOutcome.Delivered());

        List<LoggedRequest> tokenRequests = requests(TOKEN_PATH);
        assertThat(tokenRequests).hasSize(1);
        LoggedRequest t = tokenRequests.get(0);
        assertThat(t.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(t.getBodyAsString()).isEqualTo("client_id=" + CLIENT
                + "&client_secret=s3cr3t%26%3D%2B+value&grant_type=client_credentials"
                + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");

        List<LoggedRequest> sets = requests(SET_PATH);
        assertThat(sets).hasSize(2);
        for (LoggedRequest r : sets) {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer eyJ.first");
            assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(r.getBodyAsString()).isEqualTo("{\"sessionId\":\"" + CLIENT + "\",\"availability\":"
                    + "\"DoNotDisturb\",\"activity\":\"Presenting\",\"expirationDuration\":\"PT30M\"}");
        }
        assertThat(DeliveryFixtures.all(server)).hasSize(3);
    }

    @Test
    void aTokenIsRenewedShortlyBeforeItExpires() {
        tokenAnswers("eyJ.first", "eyJ.second");
        server.stubFor(post(urlEqualTo(SET_PATH)).willReturn(aResponse().withStatus(200)));

        teams.send(config, DeliveryFixtures.dnd());
        clock.advance(Duration.ofSeconds(3599 - 61));
        teams.send(config, DeliveryFixtures.dnd());
        assertThat(requests(TOKEN_PATH)).hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        teams.send(config, DeliveryFixtures.dnd());

        assertThat(requests(TOKEN_PATH)).hasSize(2);
        assertThat(requests(SET_PATH)).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer eyJ.first", "Bearer eyJ.first", "Bearer eyJ.second");
    }

    @Test
    void aChangedSecretGetsANewTokenAtOnce() {
        tokenAnswers("eyJ.first", "eyJ.second");
        server.stubFor(post(urlEqualTo(SET_PATH)).willReturn(aResponse().withStatus(200)));
        DeliveryFixtures.MapSecrets secrets = new DeliveryFixtures.MapSecrets().with("CTI_SECRET_TEAMS", "old");
        TeamsGraphSender sender = new TeamsGraphSender(DeliveryFixtures.http(DeliveryFixtures.settings(server), clock),
                secrets);

        sender.send(config, DeliveryFixtures.dnd());
        sender.send(config, DeliveryFixtures.dnd());
        secrets.with("CTI_SECRET_TEAMS", "rotated");
        sender.send(config, DeliveryFixtures.dnd());

        assertThat(requests(TOKEN_PATH)).extracting(LoggedRequest::getBodyAsString).satisfiesExactly(
                b -> assertThat(b).contains("client_secret=old&"),
                b -> assertThat(b).contains("client_secret=rotated&"));
        assertThat(requests(SET_PATH)).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer eyJ.first", "Bearer eyJ.first", "Bearer eyJ.second");
    }

    @Test
    void unauthorizedFromGraphDropsTheTokenAndRetriesOnce() {
        tokenAnswers("eyJ.revoked", "eyJ.fresh");
        server.stubFor(post(urlEqualTo(SET_PATH)).inScenario("graph").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}"))
                .willSetStateTo("ok"));
        server.stubFor(post(urlEqualTo(SET_PATH)).inScenario("graph").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));

        assertThat(teams.send(config, DeliveryFixtures.dnd())).isEqualTo(new DeliveryOutcome.Delivered());

        assertThat(requests(TOKEN_PATH)).hasSize(2);
        assertThat(requests(SET_PATH)).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer eyJ.revoked", "Bearer eyJ.fresh");
    }

    @Test
    void unauthorizedTwiceFails() {
        tokenAnswers("eyJ.a", "eyJ.b", "eyJ.c");
        server.stubFor(post(urlEqualTo(SET_PATH)).willReturn(aResponse().withStatus(401)));

        assertThat(teams.send(config, DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Failed("Graph setPresence: HTTP 401"));
        assertThat(requests(TOKEN_PATH)).hasSize(2);
        assertThat(requests(SET_PATH)).hasSize(2);
    }

    @Test
    void logoutClearsTheSessionAndAMissingSessionCountsAsCleared() {
        tokenAnswers("eyJ.first");
        server.stubFor(post(urlEqualTo(CLEAR_PATH)).willReturn(aResponse().withStatus(200)));

        assertThat(teams.send(config, DeliveryFixtures.logout(13))).isEqualTo(new DeliveryOutcome.Delivered());
        LoggedRequest clear = requests(CLEAR_PATH).get(0);
        assertThat(clear.getBodyAsString()).isEqualTo("{\"sessionId\":\"" + CLIENT + "\"}");
        assertThat(clear.getHeader("Authorization")).isEqualTo("Bearer eyJ.first");

        server.stubFor(post(urlEqualTo(CLEAR_PATH)).willReturn(aResponse().withStatus(404)));
        assertThat(teams.send(config, DeliveryFixtures.logout(14))).isEqualTo(new DeliveryOutcome.Delivered());
        assertThat(requests(SET_PATH)).isEmpty();
    }

    @Test
    void aRefusedTokenFailsAndGraphIsNotCalled() {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret\"}")));

        DeliveryOutcome outcome = teams.send(config, DeliveryFixtures.dnd());

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed("Entra ID token request: HTTP 401 "
                + "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret\"}"));
        assertThat(requests(SET_PATH)).isEmpty();
    }

    @Test
    void graphOutagesAndThrottlingAreRetried() {
        tokenAnswers("eyJ.first");
        server.stubFor(post(urlEqualTo(SET_PATH)).willReturn(aResponse().withStatus(503)));
        assertThat(teams.send(config, DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Retry("Graph setPresence: HTTP 503", null));
        server.stubFor(post(urlEqualTo(SET_PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        assertThat(teams.send(config, DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Retry("Graph setPresence: HTTP 429", Duration.ofSeconds(7)));
        server.stubFor(post(urlEqualTo(SET_PATH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"code\":\"BadRequest\"}}")));
        assertThat(teams.send(config, DeliveryFixtures.dnd())).isEqualTo(
                new DeliveryOutcome.Failed("Graph setPresence: HTTP 400 {\"error\":{\"code\":\"BadRequest\"}}"));
        assertThat(requests(TOKEN_PATH)).hasSize(1);
    }

    @Test
    void missingProfileOrStateValuesFailWithoutARequest() {
        assertThat(teams.send(config, DeliveryFixtures.with(DeliveryFixtures.dnd(), "4711", null, null, null, null)))
                .isEqualTo(new DeliveryOutcome.Failed("agent profile has no entraUserId"));
        assertThat(teams.send(DeliveryConfig.NONE, DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Failed("no Teams target configured"));
        DeliveryConfig noSecret = new DeliveryConfig(null, null,
                new DeliveryConfig.Teams(TENANT, CLIENT, "CTI_SECRET_MISSING", 30), null);
        assertThat(teams.send(noSecret, DeliveryFixtures.dnd()))
                .isEqualTo(new DeliveryOutcome.Failed("secret CTI_SECRET_MISSING not found"));
        assertThat(DeliveryFixtures.all(server)).isEmpty();
    }

    @Test
    void theMicrosoftBasesAreCheckedByTheUrlPolicy() {
        TeamsGraphSender toMetadata = new TeamsGraphSender(DeliveryFixtures.http(DeliverySettings.defaults()
                .withMicrosoftBases("http://169.254.169.254/latest", DeliveryFixtures.base(server) + "/graph/v1.0"),
                clock), new DeliveryFixtures.MapSecrets().with("CTI_SECRET_TEAMS", "x"));
        DeliveryOutcome outcome = toMetadata.send(config, DeliveryFixtures.dnd());
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) outcome).reason())
                .startsWith("URL http://169.254.169.254/latest/" + TENANT + "/oauth2/v2.0/token refused: ");
        assertThat(DeliveryFixtures.all(server)).isEmpty();
    }

    @Test
    void expirationIsKeptWithinWhatGraphAccepts() {
        assertThat(TeamsGraphSender.expirationMinutes(0)).isEqualTo(60);
        assertThat(TeamsGraphSender.expirationMinutes(1)).isEqualTo(5);
        assertThat(TeamsGraphSender.expirationMinutes(240)).isEqualTo(240);
        assertThat(TeamsGraphSender.expirationMinutes(1000)).isEqualTo(240);
    }
}

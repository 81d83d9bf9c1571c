package com.ctipresence.delivery;

import com.ctipresence.application.Body;
import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.DeliveryStatus;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.Outbox;
import com.ctipresence.application.port.out.delivery.OutboxItem;
import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.application.service.AgentExtras.TargetStatus;
import com.ctipresence.application.service.DeliveryService;
import com.ctipresence.application.service.PresenceView;
import com.ctipresence.application.service.ProfileService.ProfileInput;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.CallCenterConfigDraft.StateDraft;
import com.ctipresence.domain.PbxMode;
import com.ctipresence.domain.delivery.DeliveryDraft;
import com.ctipresence.support.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox under faults, over the real store (DynamoDB Local) and the real use cases, with a scripted target:
 * outages, supersession, permanent refusals, Retry-After, a worker that stops mid-delivery, a sender that throws.
 * Time is a frozen clock moved forward; nothing sleeps.
 */
class OutboxFaultTest {
    static final String CC = "outbox-cc";
    static final String TENANT = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    static final String ENTRA_USER = "7a1f0c3e-5b2d-4c8e-9f10-2a3b4c5d6e7f";

    DeliveryRig rig;
    ScriptedSender teams;

    @BeforeEach
    void setUp() {
        rig = new DeliveryRig(Services.NO_METRICS);
        teams = new ScriptedSender(DeliveryTarget.TEAMS, rig.clock::instant);
        rig.callCenters.configure(Services.admin(CC), CC, Body.of(new com.ctipresence.application.service
                .CallCenterService.ConfigurationInput(null, draft())));
        rig.profiles.put(Services.admin(CC), CC, "a1", Body.of(new ProfileInput("Ada", "4711", null, ENTRA_USER,
                null)));
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    static CallCenterConfigDraft draft() {
        return new CallCenterConfigDraft("Outbox", "Europe/Berlin", true, PbxMode.DIAL_COMMAND, 0, true, 60, false,
                false, List.of(new StateDraft("ready", "Ready", "*60", 1), new StateDraft("away", "Away", "*62", 3),
                new StateDraft("dnd", "Do Not Disturb", "*61", 4), new StateDraft("lunch", "Lunch", "*63", 3),
                new StateDraft("offline", "Offline", "*69", 2)),
                new DeliveryDraft(null, null, new DeliveryDraft.TeamsDraft(TENANT, CLIENT, "CTI_TEAMS_SECRET", 30),
                        null));
    }

    private DeliveryService worker() {
        return rig.worker(List.of(teams));
    }

    private OutboxItem item() {
        return rig.store.find(CC, "a1", DeliveryTarget.TEAMS).orElseThrow();
    }

    private PresenceView presence() {
        return rig.presence.get(Services.supervisor(CC), CC, "a1");
    }

    /** Drains, moving the clock on by {@code step} before each round, {@code rounds} times. */
    private void drainEvery(DeliveryService worker, Duration step, int rounds) {
        for (int i = 0; i < rounds; i++) {
            worker.drainDue();
            rig.clock.advance(step);
        }
    }

    @Test
    void aTargetDownForAWhileGetsExactlyTheLatestStateOnceItRecovers() {
        DeliveryService worker = worker();
        teams.down = true;
        rig.setState(CC, "a1", "ready");
        drainEvery(worker, Duration.ofSeconds(1), 3);
        rig.setState(CC, "a1", "dnd"); // still down: the newer state replaces the older one in the outbox
        drainEvery(worker, Duration.ofSeconds(40), 6); // back-off: 1 s, 2 s, 4 s, ... (the clock moves 40 s a round)
        assertThat(teams.delivered()).isEmpty();
        assertThat(item().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(item().lastError()).isEqualTo("503 Service Unavailable");

        teams.down = false;
        rig.clock.advance(Duration.ofMinutes(6)); // past the longest back-off
        worker.drainDue();
        drainEvery(worker, Duration.ofMinutes(6), 3); // within the Teams refresh interval (22.5 min)

        assertThat(teams.delivered()).hasSize(1);
        PresenceDelivery sent = teams.delivered().get(0).delivery();
        assertThat(sent.stateId()).isEqualTo("dnd");
        assertThat(sent.version()).isEqualTo(presence().presence().version());
        assertThat(sent.entraUserId()).isEqualTo(ENTRA_USER);
        assertThat(sent.teamsAvailability()).isEqualTo("DoNotDisturb");
        assertThat(sent.teamsActivity()).isEqualTo("Presenting");
        assertThat(teams.received()).extracting(r -> r.delivery().version()).isSorted();
        assertThat(teams.received().stream().filter(r -> r.delivery().stateId().equals("ready"))
                .noneMatch(r -> r.answered() instanceof DeliveryOutcome.Delivered)).isTrue();
        TargetStatus status = presence().extras().delivery().get("teams");
        assertThat(status.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(status.version()).isEqualTo(sent.version());
        assertThat(status.lastError()).isNull();
    }

    @Test
    void fiveRapidChangesDuringAnOutageDeliverOnlyTheLast() {
        DeliveryService worker = worker();
        teams.down = true;
        for (String state : List.of("ready", "away", "dnd", "lunch", "away")) {
            rig.setState(CC, "a1", state);
            worker.drainDue();
            rig.clock.advance(Duration.ofMillis(300));
        }
        long last = presence().presence().version();
        teams.down = false;
        drainEvery(worker, Duration.ofMinutes(6), 3);

        assertThat(teams.delivered()).extracting(r -> r.delivery().version()).containsExactly(last);
        assertThat(teams.delivered().get(0).delivery().stateId()).isEqualTo("away");
        assertThat(teams.received()).extracting(r -> r.delivery().version()).isSorted();
        assertThat(item().deliveredVersion()).isEqualTo(last);
    }

    @Test
    void aRefusalIsFailedVisibleAndNotRetriedUntilTheNextChange() {
        DeliveryService worker = worker();
        teams.otherwise = new DeliveryOutcome.Failed("400 Bad Request: the user is not found");
        rig.setState(CC, "a1", "ready");
        drainEvery(worker, Duration.ofMinutes(1), 30);

        assertThat(teams.received()).hasSize(1);
        TargetStatus status = presence().extras().delivery().get("teams");
        assertThat(status).isEqualTo(new TargetStatus(DeliveryStatus.FAILED, presence().presence().version(), 1,
                "400 Bad Request: the user is not found"));

        teams.otherwise = new DeliveryOutcome.Delivered(); // fixed (e.g. the profile); the next change goes out
        rig.setState(CC, "a1", "away");
        drainEvery(worker, Duration.ofSeconds(1), 3);
        assertThat(teams.received()).hasSize(2);
        assertThat(presence().extras().delivery().get("teams").status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void retryAfterIsHonouredToTheMillisecond() {
        DeliveryService worker = worker();
        teams.then(new DeliveryOutcome.Retry("429 Too Many Requests", Duration.ofSeconds(30)));
        rig.setState(CC, "a1", "ready");
        Instant first = rig.clock.instant();
        worker.drainDue();
        assertThat(item().nextAttemptAt()).isEqualTo(first.plusSeconds(30));
        rig.clock.advance(Duration.ofMillis(29_999));
        worker.drainDue();
        assertThat(teams.received()).hasSize(1);
        assertThat(presence().extras().delivery().get("teams").attempts()).isEqualTo(1);

        rig.clock.advance(Duration.ofMillis(1));
        worker.drainDue();
        assertThat(teams.received()).hasSize(2);
        assertThat(teams.received().get(1).at()).isEqualTo(first.plusSeconds(30));
        assertThat(presence().extras().delivery().get("teams"))
                .isEqualTo(new TargetStatus(DeliveryStatus.DELIVERED, presence().presence().version(), 2, null));
    }

    @Test
    void retriesBackOffExponentiallyUpToFiveMinutes() {
        DeliveryService worker = worker();
        teams.down = true;
        rig.setState(CC, "a1", "ready");
        List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant before = rig.clock.instant();
            worker.drainDue();
            waits.add(Duration.between(before, item().nextAttemptAt()).toMillis());
            rig.clock.forwardTo(item().nextAttemptAt());
        }
        // jitter fixed at the middle here: exactly 1 s doubling, capped at 5 min
        assertThat(waits).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 64_000L, 128_000L,
                256_000L, 300_000L, 300_000L, 300_000L);
        assertThat(teams.received()).hasSize(12);
        assertThat(item().attempts()).isEqualTo(12);
    }

    @Test
    void aWorkerThatStopsAfterSendingBeforeRecordingIsFollowedByExactlyOneMoreSendAfterItsLease() {
        Outbox dying = new Outbox() { // the process stops between the target's answer and the outcome's write
            public AgentTargets agent(String cc, String agentId) {
                return rig.store.agent(cc, agentId);
            }

            public Map<String, AgentTargets> callCenter(String cc) {
                return rig.store.callCenter(cc);
            }

            public Optional<OutboxItem> find(String cc, String agentId, DeliveryTarget target) {
                return rig.store.find(cc, agentId, target);
            }

            public List<OutboxItem> due(Instant now, int limit) {
                return rig.store.due(now, limit);
            }

            public boolean claim(OutboxItem item, String leaseId, Instant now, Instant leaseUntil) {
                return rig.store.claim(item, leaseId, now, leaseUntil);
            }

            public boolean record(OutboxItem item, String leaseId, DeliveryStatus status, int attempts,
                                  Instant next, String lastError, Instant now) {
                throw new IllegalStateException("killed");
            }

            public void requestTimeSync(String cc, Instant tickAt) {
                rig.store.requestTimeSync(cc, tickAt);
            }
        };
        rig.setState(CC, "a1", "dnd");
        rig.worker(dying, List.of(teams), null).drainDue();
        assertThat(teams.received()).hasSize(1);
        assertThat(item().status()).isEqualTo(DeliveryStatus.PENDING);

        DeliveryService restarted = worker(); // a fresh worker over the same store
        restarted.drainDue();
        rig.clock.advance(DeliveryService.LEASE.minusMillis(1));
        restarted.drainDue();
        assertThat(teams.received()).as("not sent again while the stopped worker's lease runs").hasSize(1);

        rig.clock.advance(Duration.ofMillis(1));
        drainEvery(restarted, Duration.ofMinutes(1), 5);
        assertThat(teams.received()).hasSize(2); // at least once: the same version again, a target can drop it
        assertThat(teams.received()).extracting(r -> r.delivery().version())
                .containsOnly(presence().presence().version());
        assertThat(item().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aNewerVersionArrivingWhileAnOlderIsBeingSentStaysPendingAndGoesOutNext() {
        rig.setState(CC, "a1", "ready");
        OutboxItem v1 = item();
        DeliveryService worker = rig.worker(List.of(new com.ctipresence.application.port.out.delivery.PresenceSender() {
            public DeliveryTarget target() {
                return DeliveryTarget.TEAMS;
            }

            public DeliveryOutcome send(com.ctipresence.domain.delivery.DeliveryConfig config,
                                        PresenceDelivery delivery) {
                if (delivery.version() == v1.version()) { // while v1 is on the wire, the agent changes again
                    rig.setState(CC, "a1", "away");
                }
                return teams.send(config, delivery);
            }
        }));
        worker.drainDue();
        OutboxItem after = item();
        assertThat(after.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(after.version()).isGreaterThan(v1.version());
        assertThat(after.stateId()).isEqualTo("away");
        assertThat(after.attempts()).isZero();
        assertThat(after.deliveredVersion()).isZero(); // v1's answer was not recorded over v2
        assertThat(after.leaseUntil()).isNull();

        worker.drainDue();
        assertThat(teams.delivered()).extracting(r -> r.delivery().stateId()).containsExactly("ready", "away");
        assertThat(item().deliveredVersion()).isEqualTo(after.version());
    }

    @Test
    void aThrowingTargetNeverFailsOrUndoesThePresenceChange() {
        DeliveryService worker = worker();
        teams.throwing = new IllegalStateException("connector exploded");
        rig.wake.set((cc, agentId) -> worker.deliverAgent(cc, agentId)); // worst case: the worker on the same thread
        rig.setState(CC, "a1", "ready");
        rig.setState(CC, "a1", "dnd");
        assertThat(presence().presence().state().id()).isEqualTo("dnd");
        assertThat(teams.received()).hasSize(2);
        assertThat(item().status()).isEqualTo(DeliveryStatus.PENDING); // tried again after its back-off
        assertThat(item().lastError()).contains("connector exploded");
        teams.throwing = null;
        rig.clock.advance(DeliveryService.LEASE);
        worker.drainDue();
        assertThat(teams.delivered()).extracting(r -> r.delivery().stateId()).containsExactly("dnd");
    }

    @Test
    void aCheckpointWithoutANewVersionWritesNothingToTheOutbox() {
        rig.setState(CC, "a1", "ready");
        OutboxItem before = item();
        rig.clock.advance(Duration.ofMinutes(5));
        rig.ticks.tick(CC);
        assertThat(item()).isEqualTo(before);
    }

    @Test
    void aDeliveredTeamsPresenceIsSetAgainBeforeItExpiresAndAClearedOneIsNot() {
        DeliveryService worker = worker(); // expirationMinutes 30: refreshed after 22.5 minutes
        rig.setState(CC, "a1", "ready");
        worker.drainDue();
        rig.clock.advance(Duration.ofSeconds(22 * 60 + 29));
        worker.drainDue();
        assertThat(teams.received()).hasSize(1);
        rig.clock.advance(Duration.ofSeconds(1));
        worker.drainDue();
        assertThat(teams.received()).hasSize(2);
        assertThat(teams.received()).extracting(r -> r.delivery().stateId()).containsOnly("ready");
        assertThat(presence().extras().delivery().get("teams"))
                .isEqualTo(new TargetStatus(DeliveryStatus.DELIVERED, presence().presence().version(), 1, null));

        rig.setState(CC, "a1", "offline"); // clears the session presence: nothing to keep alive
        worker.drainDue();
        assertThat(teams.received().get(2).delivery().teamsClear()).isTrue();
        drainEvery(worker, Duration.ofMinutes(10), 12);
        assertThat(teams.received()).hasSize(3);
    }

    @Test
    void anOutboxItemNeverGoesBackToAnOlderVersion() {
        rig.setState(CC, "a1", "ready");
        rig.setState(CC, "a1", "dnd");
        OutboxItem latest = item();
        var older = new com.ctipresence.application.port.out.delivery.PendingDelivery(DeliveryTarget.TEAMS, CC,
                "a1", latest.version() - 1, rig.clock.instant(), "ready", "Ready", "*60", 1, rig.clock.instant());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rig.dynamo.transactWriteItems(t -> t
                        .transactItems(rig.store.commitItems(List.of(older)))))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class);
        assertThat(item()).isEqualTo(latest);
    }
}

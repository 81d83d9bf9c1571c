package com.ctipresence.delivery;

import com.ctipresence.application.Body;
import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.PresenceDelivery;
import com.ctipresence.application.port.out.delivery.PresenceSender;
import com.ctipresence.application.service.CallCenterService.ConfigurationInput;
import com.ctipresence.application.service.DeliveryService;
import com.ctipresence.application.service.ProfileService.ProfileInput;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.support.Services;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random runs of changes, target answers (accepted, 5xx, 429 with Retry-After, 4xx, a throwing sender) and
 * two workers over the real store: a target is never sent a version older than one it accepted, and once it
 * answers again it ends with exactly the agent's latest state.
 */
class OutboxPropertyTest {
    static final String CC = OutboxFaultTest.CC;
    static final List<String> STATES = List.of("ready", "away", "dnd", "lunch", "offline");

    /** Answers at random (seeded); remembers everything it was sent and accepted. */
    static final class RandomTarget implements PresenceSender {
        final Random random;
        final List<PresenceDelivery> sent = new ArrayList<>();
        final List<PresenceDelivery> accepted = new ArrayList<>();
        boolean healthy;

        RandomTarget(Random random) {
            this.random = random;
        }

        public DeliveryTarget target() {
            return DeliveryTarget.TEAMS;
        }

        public synchronized DeliveryOutcome send(DeliveryConfig config, PresenceDelivery d) {
            long acceptedMax = accepted.stream().mapToLong(PresenceDelivery::version).max().orElse(0);
            assertThat(d.version()).as("never sent an older version than one it accepted")
                    .isGreaterThanOrEqualTo(acceptedMax);
            sent.add(d);
            int roll = healthy ? 0 : random.nextInt(10);
            if (roll >= 9) {
                throw new IllegalStateException("sender bug");
            }
            DeliveryOutcome outcome = switch (roll) {
                case 0, 1, 2, 3 -> new DeliveryOutcome.Delivered();
                case 4, 5 -> new DeliveryOutcome.Retry("503", null);
                case 6 -> new DeliveryOutcome.Retry("429", Duration.ofSeconds(1 + random.nextInt(20)));
                case 7 -> new DeliveryOutcome.Retry("timeout", null);
                default -> new DeliveryOutcome.Failed("400 bad request");
            };
            if (outcome instanceof DeliveryOutcome.Delivered) {
                accepted.add(d);
            }
            return outcome;
        }
    }

    @Test
    void aTargetIsNeverSentAnOlderStateAndEndsWithTheLatest() {
        for (long seed : new long[] {1, 7, 42}) {
            try (DeliveryRig rig = new DeliveryRig(Services.NO_METRICS)) {
                rig.callCenters.configure(Services.admin(CC), CC, Body.of(new ConfigurationInput(null,
                        OutboxFaultTest.draft())));
                rig.profiles.put(Services.admin(CC), CC, "a1", Body.of(new ProfileInput(null, null, null,
                        OutboxFaultTest.ENTRA_USER, null)));
                Random random = new Random(seed);
                RandomTarget target = new RandomTarget(random);
                List<DeliveryService> workers = List.of(rig.worker(List.of(target)), rig.worker(List.of(target)));
                for (int step = 0; step < 60; step++) {
                    switch (random.nextInt(4)) {
                        case 0 -> rig.setState(CC, "a1", STATES.get(random.nextInt(STATES.size())));
                        case 1 -> rig.clock.advance(Duration.ofMillis(random.nextInt(30_000)));
                        default -> workers.get(random.nextInt(2)).drainDue();
                    }
                }
                target.healthy = true;
                rig.setState(CC, "a1", "ready".equals(rig.presence.get(Services.supervisor(CC), CC, "a1")
                        .presence().state().id()) ? "away" : "ready"); // a FAILED item waits for the next change
                for (int i = 0; i < 4; i++) {
                    rig.clock.advance(Duration.ofMinutes(6));
                    workers.get(i % 2).drainDue();
                }
                var latest = rig.presence.get(Services.supervisor(CC), CC, "a1").presence();
                PresenceDelivery last = target.accepted.get(target.accepted.size() - 1);
                assertThat(last.version()).as("seed %d", seed).isEqualTo(latest.version());
                assertThat(last.stateId()).isEqualTo(latest.state().id());
                assertThat(target.accepted).extracting(PresenceDelivery::version).as("seed %d", seed).isSorted();
                assertThat(target.sent.size()).as("seed %d exercised refusals and retries", seed)
                        .isGreaterThan(target.accepted.size() + 3);
            }
        }
    }
}

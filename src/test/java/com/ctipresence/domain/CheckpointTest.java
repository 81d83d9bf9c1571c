package com.ctipresence.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.ctipresence.domain.ConfigDraftBuilder.rulesConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link PresenceMachine#checkpoint}: what a time-tracking tick books for one agent. */
class CheckpointTest {
    private static final CallCenterConfig CONFIG = rulesConfig().validate();
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.250Z");

    private static AgentPresence agent(String stateId, Instant since, String wrapUpId, Instant wrapUpUntil) {
        return PresenceMachineTest.presence(CONFIG.callCenterId(), "a1", CONFIG.state(stateId).orElseThrow(), since,
                wrapUpId, wrapUpUntil, null, 7, since);
    }

    @Test
    void booksTheOpenIntervalAndMovesAccountedUntilWithoutANewVersion() {
        Change change = PresenceMachine.checkpoint(CONFIG, agent("ready", T0, null, null), T0.plusSeconds(60));
        assertThat(change.changed()).isTrue();
        assertThat(change.transitions()).isEmpty();
        assertThat(change.bookings()).extracting(DayTotal::stateId, DayTotal::millis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ready", 60_000L));
        assertThat(change.after().running().rows()).extracting(DayTotal::stateId, DayTotal::millis)
                .as("on the agent's running totals").containsExactly(org.assertj.core.groups.Tuple.tuple("ready", 60_000L));
        assertThat(change.closed()).isEmpty();
        assertThat(change.checkpointOnly()).isTrue();
        assertThat(change.after().accountedUntil()).isEqualTo(T0.plusSeconds(60));
        assertThat(change.after().version()).isEqualTo(7);
        assertThat(change.after().since()).isEqualTo(T0);
    }

    @Test
    void aSecondCheckpointAtTheSameInstantChangesNothing() {
        Change first = PresenceMachine.checkpoint(CONFIG, agent("ready", T0, null, null), T0.plusSeconds(60));
        assertThat(PresenceMachine.checkpoint(CONFIG, first.after(), T0.plusSeconds(60)).changed()).isFalse();
        assertThat(PresenceMachine.checkpoint(CONFIG, first.after(), T0.plusSeconds(30)).changed())
                .as("a clock that stepped back books nothing").isFalse();
    }

    @Test
    void evenLessThanASecondIsBookedToTheMillisecond() {
        Change change = PresenceMachine.checkpoint(CONFIG, agent("ready", T0, null, null), T0.plusMillis(700));
        assertThat(change.bookings()).extracting(DayTotal::millis).containsExactly(700L);
        assertThat(change.after().accountedUntil()).isEqualTo(T0.plusMillis(700));
    }

    @Test
    void aRunningWrapUpIsBookedUpToNowAndAnOverdueOneIsExpiredAtWrapUpUntilFirst() {
        Instant until = T0.plusSeconds(30);
        Change during = PresenceMachine.checkpoint(CONFIG, agent("dnd", T0, "w7", until), T0.plusSeconds(20));
        assertThat(during.after().accountedUntil()).isEqualTo(T0.plusSeconds(20));
        assertThat(during.after().inWrapUp()).isTrue();

        Change late = PresenceMachine.checkpoint(CONFIG, during.after(), T0.plusSeconds(90));
        assertThat(late.transitions()).singleElement().satisfies(t -> {
            assertThat(t.cause()).isEqualTo(TransitionCause.WRAP_UP_EXPIRY);
            assertThat(t.at()).isEqualTo(until);
        });
        assertThat(late.bookings()).extracting(DayTotal::stateId, DayTotal::millis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dnd", 10_000L),
                org.assertj.core.groups.Tuple.tuple("ready", 60_000L));
        assertThat(late.after().state().id()).isEqualTo("ready");
        assertThat(late.after().since()).isEqualTo(until);
        assertThat(late.after().version()).isEqualTo(8);
    }

    @Test
    void logoutIsNotCheckpointedAndDisabledTrackingOnlyMovesTheMark() {
        assertThat(PresenceMachine.checkpoint(CONFIG, agent("logout", T0, null, null), T0.plusSeconds(600))
                .changed()).isFalse();
        CallCenterConfig off = rulesConfig().timeTrackingEnabled(false).validate();
        Change change = PresenceMachine.checkpoint(off, agent("ready", T0, null, null), T0.plusSeconds(600));
        assertThat(change.bookings()).isEmpty();
        assertThat(change.after().accountedUntil()).isEqualTo(T0.plusSeconds(600));
    }
}

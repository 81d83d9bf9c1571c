package com.ctipresence.application.service;

import com.ctipresence.application.UnavailableException;
import com.ctipresence.application.port.out.AgentCommit;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.application.port.out.ProcessedEvent;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.PresenceMachine;
import com.ctipresence.domain.Transition;
import com.ctipresence.domain.TransitionCause;
import com.ctipresence.support.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One agent's view is one read of its item; reads that combine the item with stored day rows (reports, agents stored
 * before running totals existed) never silently give up: agents that move between reads are read again, or the read
 * is a 503.
 */
class PresenceViewsTest {
    private static final TestClock CLOCK = TestClock.frozenAt(TestClock.FIXED);
    private static final CallCenterConfig CONFIG = new CallCenterConfigDraft("T", "Europe/Berlin", true, null, 0, true,
            60, false, false, List.of(new CallCenterConfigDraft.StateDraft("ready", "Ready", null, 1))).validate("cc");

    /** Agents whose item moves ({@code accountedUntil} forward) on each of their first reads, as ticks would. */
    private static final class MovingAgents implements AgentRepository {
        final java.util.Map<String, Integer> movesLeft;
        final List<String> found = new ArrayList<>();
        final AtomicInteger finds = new AtomicInteger();
        final AtomicInteger lists = new AtomicInteger();
        int moves;

        MovingAgents(java.util.Map<String, Integer> movesLeft) {
            this.movesLeft = new java.util.HashMap<>(movesLeft);
        }

        AgentPresence agent(String id) {
            AgentPresence a = PresenceMachine.setState(CONFIG, null, id, "ready", TransitionCause.AGENT, id,
                    TestClock.FIXED).after();
            if (id.startsWith("legacy-")) { // as read from an item written before running totals existed
                a = new AgentPresence(a.callCenterId(), a.agentId(), a.state(), a.since(), null, null, List.of(),
                        List.of(), false, a.version(), a.accountedUntil(), com.ctipresence.domain.RunningTotals.LEGACY);
            }
            int left = movesLeft.getOrDefault(id, 0);
            if (left > 0) {
                movesLeft.put(id, left - 1);
                return PresenceMachine.checkpoint(CONFIG, a, TestClock.FIXED.plusSeconds(1 + moves++)).after();
            }
            return a;
        }

        public Optional<AgentPresence> find(String cc, String agentId) {
            finds.incrementAndGet();
            found.add(agentId);
            return Optional.of(agent(agentId));
        }

        public List<AgentPresence> findByCallCenter(String cc) {
            lists.incrementAndGet();
            return List.of(agent("still"), agent("moves-once"), agent("legacy-x"));
        }

        public List<AgentPresence> findInWrapUp() {
            return List.of();
        }

        public List<Transition> history(String cc, String agentId, Instant from, Instant to) {
            return List.of();
        }

        public Optional<ProcessedEvent> findProcessedEvent(String cc, String agentId, String eventId) {
            return Optional.empty();
        }

        public void commit(AgentCommit commit) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void anAgentThatNeverHoldsStillIsA503AfterABoundedNumberOfReadsNotAGuess() {
        MovingAgents agents = new MovingAgents(java.util.Map.of("legacy-busy", Integer.MAX_VALUE,
                "busy", Integer.MAX_VALUE));
        PresenceViews views = new PresenceViews(agents, (cc, from, to, agentId) -> List.of(), CLOCK);
        assertThatThrownBy(() -> views.one(CONFIG, "legacy-busy")).as("an agent stored before running totals")
                .isInstanceOf(UnavailableException.class);
        assertThat(agents.finds.get()).isEqualTo(PresenceViews.AGENT_ATTEMPTS + 1);
        agents.finds.set(0);
        assertThatThrownBy(() -> views.report(CONFIG, java.time.LocalDate.of(2026, 11, 18),
                java.time.LocalDate.of(2026, 11, 18), "busy")).as("a report reads the stored rows too")
                .isInstanceOf(UnavailableException.class);
        assertThat(agents.finds.get()).isEqualTo(PresenceViews.AGENT_ATTEMPTS + 1);
    }

    @Test
    void oneAgentIsOneReadOfItsItemEvenWhileItMoves() {
        MovingAgents agents = new MovingAgents(java.util.Map.of("busy", Integer.MAX_VALUE));
        PresenceViews views = new PresenceViews(agents, (cc, from, to, agentId) -> {
            throw new AssertionError("the day-total rows are not read");
        }, CLOCK);
        assertThat(views.one(CONFIG, "busy")).isPresent();
        assertThat(agents.finds.get()).isEqualTo(1);
    }

    @Test
    void aCallCenterListReadsItsAgentsOnceAndOnlyALegacyAgentsRowsAndItemAgain() {
        MovingAgents agents = new MovingAgents(java.util.Map.of("moves-once", 1));
        List<String> rowReads = new ArrayList<>();
        PresenceViews views = new PresenceViews(agents, (cc, from, to, agentId) -> {
            rowReads.add(agentId);
            return List.of();
        }, CLOCK);
        List<PresenceView> all = views.all(CONFIG);
        assertThat(all).extracting(v -> v.presence().agentId()).containsExactly("still", "moves-once", "legacy-x");
        assertThat(agents.lists.get()).isEqualTo(1);
        assertThat(rowReads).containsExactly("legacy-x");
        assertThat(agents.found).containsExactly("legacy-x");
    }
}

package com.ctipresence.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PresetsTest {

    static Set<String> presetNames() {
        return Presets.names();
    }

    @Test
    void theStandardAndSkypeForBusinessPresetsAreDelivered() {
        assertThat(Presets.names()).containsExactly(Presets.STANDARD, Presets.SKYPE_FOR_BUSINESS);
        assertThat(Presets.STANDARD).isEqualTo("standard");
        assertThat(Presets.SKYPE_FOR_BUSINESS).isEqualTo("skype-for-business");
    }

    @ParameterizedTest
    @MethodSource("presetNames")
    void everyPresetValidatesAndTakesNameAndTimeZoneFromTheCallCenter(String name) {
        CallCenterConfig config = Presets.byName(name).orElseThrow().validate("cc");

        assertThat(config.callCenterId()).isEqualTo("cc");
        assertThat(config.name()).isEqualTo("cc");
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void unknownPresetIsEmpty() {
        assertThat(Presets.byName("nonexistent")).isEmpty();
        assertThat(Presets.byName(null)).isEmpty();
    }

    @Test
    void standardPresetHasTheStatesOfTheManual() {
        CallCenterConfig config = Presets.byName(Presets.STANDARD).orElseThrow().validate("cc");

        assertThat(config.pbxMode()).isEqualTo(PbxMode.DIAL_COMMAND);
        assertThat(config.states())
                .extracting(PresenceState::label, PresenceState::reasonCode, PresenceState::status)
                .containsExactly(
                        tuple("Ready for Calls", "*60", PresenceStatus.ONLINE),
                        tuple("Do Not Disturb", "*61", PresenceStatus.DND),
                        tuple("Away", null, PresenceStatus.AWAY),
                        tuple("Busy", null, PresenceStatus.BUSY),
                        tuple("On a call", null, PresenceStatus.ON_A_CALL),
                        tuple("Offline", null, PresenceStatus.OFFLINE),
                        tuple("Logout", null, PresenceStatus.LOGOUT));
        assertThat(config.readyState().label()).isEqualTo("Ready for Calls");
        assertThat(config.firstWithStatus(PresenceStatus.DND)).map(PresenceState::label).contains("Do Not Disturb");
    }

    @Test
    void skypeForBusinessPresetUsesSkypeAvailabilityCodes() {
        CallCenterConfig config = Presets.byName(Presets.SKYPE_FOR_BUSINESS).orElseThrow().validate("cc");

        assertThat(config.pbxMode()).isEqualTo(PbxMode.SKYPE_FOR_BUSINESS);
        assertThat(config.states())
                .extracting(PresenceState::label, PresenceState::reasonCode, PresenceState::status)
                .containsExactly(
                        tuple("Available", "3500", PresenceStatus.ONLINE),
                        tuple("Busy", "6500", PresenceStatus.BUSY),
                        tuple("Do Not Disturb", "9500", PresenceStatus.DND),
                        tuple("Be Right Back", "12500", PresenceStatus.AWAY),
                        tuple("Away", "15500", PresenceStatus.AWAY),
                        tuple("In a Call", "6500", PresenceStatus.ON_A_CALL),
                        tuple("Appear Offline", "18500", PresenceStatus.OFFLINE),
                        tuple("Sign Out", "18500", PresenceStatus.LOGOUT));
        assertThat(config.readyState().label()).isEqualTo("Available");
    }
}

package org.opensra.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArrayInventoryTest {

    private static ReplicatedVolume volume(String id, Optional<String> promoted, Optional<String> group) {
        return new ReplicatedVolume(id, Optional.empty(), ReplicationRole.TARGET, VolumeAccess.READ_WRITE, "b",
                "src-" + id, group, Optional.empty(), LinkState.STOPPED, Optional.empty(), promoted);
    }

    @Test
    @DisplayName("DD-8 a promoted replica resolves by its key and by its promoted id")
    void resolvesPromotedIds() {
        ArrayInventory inventory = new ArrayInventory("a",
                List.of(volume("r1", Optional.of("p1"), Optional.of("g")), volume("r2", Optional.empty(), Optional.of("g"))),
                List.of(new ReplicatedGroup("g", Optional.empty(), ReplicationRole.TARGET, VolumeAccess.READ_WRITE, "b",
                        "sg", List.of("r2", "r1", "gone"), LinkState.STOPPED, Optional.empty(), Optional.of("pg"))),
                List.of(), List.of());
        assertThat(inventory.volume("r1")).map(ReplicatedVolume::id).contains("r1");
        assertThat(inventory.volume("p1")).map(ReplicatedVolume::id).contains("r1");
        assertThat(inventory.volume("p2")).isEmpty();
        assertThat(inventory.group("pg")).map(ReplicatedGroup::id).contains("g");
        assertThat(inventory.members(inventory.group("g").orElseThrow())).extracting(ReplicatedVolume::id)
                .containsExactly("r2", "r1");
        assertThat(inventory.volume("r2").orElseThrow().promotedIdOrId()).isEqualTo("r2");
    }

    @Test
    @DisplayName("DriverFailure keeps placeholder order and rejects odd name/value lists")
    void failurePlaceholders() {
        DriverFailure failure = DriverFailure.of(DriverError.WRONG_STATE, "no", "Object", "v1", "State", "read-only");
        assertThat(failure.placeholders().keySet()).containsExactly("Object", "State");
        assertThat(failure.toException().error()).isEqualTo(DriverError.WRONG_STATE);
        assertThatThrownBy(() -> DriverFailure.of(DriverError.WRONG_STATE, "no", "Object"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DriverException.unsupported("startSync").placeholders()).containsEntry("Object", "startSync");
    }

    @Test
    @DisplayName("an unsupported optional ability throws UNSUPPORTED by default")
    void defaultsAreUnsupported() {
        ArrayDriver driver = new MinimalDriver();
        assertThatThrownBy(() -> driver.startSync("a", List.of(ObjectRef.volume("v"))))
                .isInstanceOfSatisfying(DriverException.class, e -> assertThat(e.error()).isEqualTo(DriverError.UNSUPPORTED));
        assertThatThrownBy(() -> driver.deviceDetails("a", List.of("v"))).isInstanceOf(DriverException.class);
    }

    private static final class MinimalDriver implements ArrayDriver {
        @Override public List<ArrayInfo> arrays() { return List.of(); }
        @Override public ArrayInventory inventory(String arrayId) { return new ArrayInventory(arrayId, List.of(), List.of(), List.of(), List.of()); }
        @Override public Map<ReplicaRequest, Outcome<TestCopyResult>> createTestCopies(String a, List<ReplicaRequest> r) { return Map.of(); }
        @Override public Map<ObjectRef, Outcome<Change>> deleteTestCopies(String a, List<ObjectRef> r) { return Map.of(); }
        @Override public Map<PresentationRequest, Outcome<Presentation>> present(String a, List<PresentationRequest> r) { return Map.of(); }
        @Override public Map<String, Outcome<Change>> unpresent(String a, List<String> v) { return Map.of(); }
        
        @Override public Map<ObjectRef, Outcome<Demotion>> demote(String a, List<ObjectRef> r) { return Map.of(); }
        @Override public Map<ReplicaRequest, Outcome<Promotion>> promote(String a, List<ReplicaRequest> r) { return Map.of(); }
        @Override public Map<ObjectRef, Outcome<ReplicationChange>> reverseReplication(String a, List<SettingsRequest> r) { return Map.of(); }
        @Override public Map<ObjectRef, Outcome<ReplicationChange>> restoreReplication(String a, List<SettingsRequest> r) { return Map.of(); }
        @Override public void close() { }
    }
}

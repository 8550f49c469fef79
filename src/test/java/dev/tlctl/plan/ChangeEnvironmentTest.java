package dev.tlctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tlctl.secret.Secret;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Change#environment()} is its address's environment for every kind of change: the kinds
 * with an {@code environment} component answer with it, without making the address.
 */
class ChangeEnvironmentTest {
    @Test
    void everyKindAnswersItsAddresssEnvironment() {
        List<Change> changes = List.of(
                new Change.Project("tl-engine", "production", null),
                new Change.Service(Action.CREATE, "api", null),
                new Change.Environment(Action.CREATE, "staging", null, false),
                Change.Instance.create("staging", "api", Origin.TLCTL),
                new Change.Setting(Action.UPDATE, "staging", "api", "deploy.numReplicas", 2L, 1L, null),
                new Change.Variable(Action.CREATE, "staging", "api", "PORT", null, Secret.of("8000"), false, false, null),
                new Change.Variable(Action.CREATE, "staging", null, "DEBUG", null, Secret.of("1"), false, false, null),
                new Change.Domain(Action.CREATE, "staging", "api", true, "api.example.com", null, 8000, null),
                new Change.Volume(Action.CREATE, "staging", "api", "/data", null, null, 1024, null),
                new Change.UsageLimit(Action.CREATE, null, null, null),
                new Change.PullRequests(Action.UPDATE, null, null, null));
        // Every kind the sealed interface permits is here once at least.
        assertEquals(Arrays.stream(Change.class.getPermittedSubclasses()).map(Class::getSimpleName).sorted().toList(),
                changes.stream().map(c -> c.getClass().getSimpleName()).distinct().sorted().toList());
        for (Change c : changes) {
            assertEquals(c.address().environment(), c.environment(), c.getClass().getSimpleName());
        }
        assertNull(changes.get(0).environment());
        assertEquals("staging", changes.get(5).environment());
    }
}

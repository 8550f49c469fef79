package dev.tlctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlctl.live.LiveDomain;
import dev.tlctl.spec.DomainsSpec;
import dev.tlctl.spec.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure tests of one instance's domain changes. */
class DomainPlannerTest {
    private static final Location AT = new Location("environments/staging.yaml", "services.engine-api.domains", 3, 5);
    private static final LiveDomain GENERATED = new LiveDomain("d-1", LiveDomain.Kind.RAILWAY,
            "engine-api-staging-1a2b.up.railway.app", 8080, true, List.of());
    private static final LiveDomain API = new LiveDomain("d-2", LiveDomain.Kind.CUSTOM, "api.example.com", 8080, false,
            List.of());

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final List<String> undeclared = new ArrayList<>();

    private List<String> plan(DomainsSpec desired, List<LiveDomain> live) {
        List<Change> changes = DomainPlanner.plan("staging", "engine-api", desired, live, ids,
                (d, why) -> undeclared.add(d.address() + ": " + why));
        List<String> out = new ArrayList<>();
        for (Change c : changes) {
            Change.Domain d = (Change.Domain) c;
            out.add(d.action().symbol() + " " + d.address() + " " + d.beforePort() + " -> " + d.afterPort());
        }
        return out;
    }

    private static DomainsSpec domains(Integer railwayPort, DomainsSpec.CustomDomain... custom) {
        return new DomainsSpec(railwayPort == null ? null : new DomainsSpec.RailwayDomain(railwayPort, AT),
                List.of(custom), AT);
    }

    @Test
    void missingDomainsAreCreatedWithTheirPorts() {
        assertEquals(List.of("+ staging/engine-api/domain/railway null -> 8080",
                "+ staging/engine-api/domain/api.example.com null -> 9000"),
                plan(domains(8080, new DomainsSpec.CustomDomain("API.example.com", 9000, AT)), List.of()));
        assertEquals(List.of(), undeclared);
    }

    @Test
    void aPortChangeRoutesTheSameDomainAgainAndAnUnsetPortIsNotCompared() {
        assertEquals(List.of("~ staging/engine-api/domain/railway 8080 -> 9090"),
                plan(domains(9090, new DomainsSpec.CustomDomain("api.example.com", null, AT)), List.of(GENERATED, API)));
        assertEquals(Map.of("staging/engine-api/domain/railway", "d-1"), ids);
        assertEquals(List.of(), undeclared);
    }

    @Test
    void undeclaredDomainsAreHandedOverByName() {
        assertEquals(List.of(), plan(domains(null), List.of(GENERATED, API)));
        assertEquals(List.of(
                "staging/engine-api/domain/engine-api-staging-1a2b.up.railway.app: not in the spec's domains for engine-api",
                "staging/engine-api/domain/api.example.com: not in the spec's domains for engine-api"), undeclared);
        assertEquals("d-1", ids.get("staging/engine-api/domain/engine-api-staging-1a2b.up.railway.app"));
        undeclared.clear();
        assertEquals(List.of(), plan(DomainsSpec.UNDECLARED, List.of(API)));
        assertEquals(List.of("staging/engine-api/domain/api.example.com: the spec declares no domains for engine-api"),
                undeclared);
    }
}

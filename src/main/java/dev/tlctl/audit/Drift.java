package dev.tlctl.audit;

import dev.tlctl.audit.DriftFinding.Direction;
import dev.tlctl.audit.DriftFinding.Side;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.History;
import dev.tlctl.plan.Origin;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.UsageLimitValue;
import dev.tlctl.plan.Values;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.Witness;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift: the spec against Railway, as a pure function of the spec (narrowed to the run's
 * environments, references resolved), the live state, the plan made from them with pruning (what
 * an apply would change, undeclared things included), and the fingerprints of what tlctl last
 * wrote. Unlike a plan it counts what the spec does not declare: variables and services on
 * Railway only, and settings the spec leaves alone that someone set to a value other than
 * Railway's default. Where a whole project, environment, service or instance is missing, only
 * that is reported, not each of its settings and variables. Secret values are compared in
 * memory and never kept in the report unmasked: a finding holds them as {@link Secret}s.
 */
public final class Drift {
    private final Spec spec;
    private final LiveState live;
    private final Plan plan;
    private final History history;
    private final Spec declared;
    private final List<DriftFinding> findings = new ArrayList<>();

    private Drift(Spec spec, Spec declared, LiveState live, Plan plan, History history) {
        this.spec = spec;
        this.declared = declared;
        this.live = live;
        this.plan = plan;
        this.history = history;
    }

    /**
     * @param plan made from {@code spec} and {@code live} with pruning
     * @param history what tlctl last wrote at each address
     */
    public static DriftReport of(Spec spec, LiveState live, Plan plan, History history) {
        return new Drift(spec, spec, live, plan, history).run();
    }

    /**
     * @param declared the spec as declared, every environment (for whether a secret shared by two
     *     environments is the spec's intent); {@code spec} may be narrowed to the run's
     */
    public static DriftReport of(Spec spec, Spec declared, LiveState live, Plan plan, History history) {
        return new Drift(spec, declared, live, plan, history).run();
    }

    /** The same, with what tlctl last wrote by address text. */
    public static DriftReport of(Spec spec, LiveState live, Plan plan, Map<String, ? extends Witness> written) {
        return of(spec, live, plan, History.of(written));
    }

    private DriftReport run() {
        List<String> environments = spec.environments().stream().map(EnvironmentSpec::name).toList();
        LiveProject project = live.project();
        if (project == null) {
            findings.add(new DriftFinding(Address.project(), Side.ONLY_IN_SPEC, Direction.UNKNOWN, null, null, false,
                    null));
        } else {
            fromPlan();
            undeclaredSettings(project);
            undeclaredVolumes();
        }
        undeclaredUsageLimit();
        int before = findings.size();
        List<DriftFinding> kept = findings.stream().filter(f -> !spec.drift().ignores(f.address().text())).toList();
        List<String> order = environmentOrder(project);
        List<DriftFinding> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingInt((DriftFinding f) -> rank(f.address(), order))
                .thenComparing(f -> f.address().service() == null ? "\uffff" : f.address().service())
                .thenComparingInt(f -> f.address().kind().ordinal())
                .thenComparing(f -> f.address().name() == null ? "" : f.address().name()));
        List<DriftReport.Risk> risks = project == null ? List.of() : risks(project, environments).stream()
                .filter(r -> !spec.drift().ignores(r.address())).toList();
        return new DriftReport(spec.project().name(), environments, sorted, before - kept.size(), plan.notes(), risks);
    }

    /**
     * Every secret of an environment of the run equal to one of another live environment, each pair
     * of environments once, unless the spec declares the same source for both. Railway's own PR
     * environments are left out: they copy their base environment, secrets included.
     */
    private List<DriftReport.Risk> risks(LiveProject project, List<String> covered) {
        List<DriftReport.Risk> out = new ArrayList<>();
        byte[] key = Fingerprint.newSalt();
        Map<String, SameSecrets.Index> indexes = new java.util.HashMap<>();
        Map<String, Boolean> seen = new java.util.HashMap<>();
        java.util.function.Function<LiveEnvironment, SameSecrets.Index> index =
                e -> indexes.computeIfAbsent(e.name(), n -> SameSecrets.index(declared, project, e, key, seen));
        for (String name : covered) {
            LiveEnvironment env = project.environment(name).orElse(null);
            if (env == null) {
                continue;
            }
            for (LiveEnvironment other : project.environments()) {
                boolean otherCovered = covered.contains(other.name());
                if (other.name().equals(name) || otherCovered && covered.indexOf(other.name()) > covered.indexOf(name)) {
                    continue; // a pair of the run's environments is looked at once, from the later one
                }
                if (other.ephemeral()) {
                    continue; // Railway's PR environments copy their base's secrets by design, and are Railway's
                }
                for (SameSecrets.Match m : SameSecrets.between(declared, index.apply(other), index.apply(env))) {
                    if (!m.declared()) {
                        out.add(new DriftReport.Risk(m.right().text(), m.left().text()));
                    }
                }
            }
        }
        return out;
    }

    /** What an apply with pruning would change is drift, minus Railway's consequences and what a missing parent covers. */
    private void fromPlan() {
        Set<String> missing = new HashSet<>();
        for (Change change : plan.changes()) {
            if (change.origin() == Origin.TLCTL && change.action() == Action.CREATE
                    && (change instanceof Change.Service || change instanceof Change.Environment
                            || change instanceof Change.Instance)) {
                missing.add(change.address().text());
            }
        }
        for (Change change : plan.changes()) {
            if (change.origin() != Origin.TLCTL || coveredByMissingParent(change.address(), missing)) {
                continue;
            }
            DriftFinding finding = null;
            if (change instanceof Change.Service || change instanceof Change.Environment) {
                finding = structural(change.address(), change.action(), null);
            } else if (change instanceof Change.Instance i && (i.existsNow() || i.action() == Action.CREATE)) {
                finding = structural(i.address(), i.action(),
                        i.action() == Action.DELETE ? "the spec disables " + i.service() + " in " + i.environment() : null);
            } else if (change instanceof Change.Setting s) {
                finding = setting(s);
            } else if (change instanceof Change.Variable v) {
                finding = variable(v);
            } else if (change instanceof Change.Volume v && v.action() == Action.UPDATE) {
                finding = new DriftFinding(v.address(), side(v.action()), Direction.UNKNOWN, v.beforeSizeMB() + " MB",
                        v.sizeMB() + " MB", false, v.note());
            } else if (change instanceof Change.Volume v) {
                finding = structural(v.address(), v.action(), "no volume at " + v.mountPath() + " on Railway");
            } else if (change instanceof Change.Domain d) {
                finding = new DriftFinding(d.address(), side(d.action()), Direction.UNKNOWN, port(d.beforePort()),
                        d.action() == Action.DELETE ? null : port(d.afterPort()), false, d.note());
            } else if (change instanceof Change.PullRequests p) {
                finding = new DriftFinding(p.address(), side(p.action()), Direction.UNKNOWN, p.before(), p.after(), false,
                        p.note());
            } else if (change instanceof Change.UsageLimit u) {
                finding = new DriftFinding(u.address(), side(u.action()), Direction.UNKNOWN, u.before(), u.after(), false,
                        u.note());
            }
            if (finding != null) {
                findings.add(finding);
            }
        }
    }

    /** Volumes the spec does not declare: tlctl never deletes one, but they are drift all the same. */
    private void undeclaredVolumes() {
        for (dev.tlctl.plan.Unmanaged u : plan.unmanaged()) {
            if (u.address().kind() == Address.Kind.VOLUME) {
                findings.add(new DriftFinding(u.address(), Side.ONLY_ON_RAILWAY, Direction.UNKNOWN, null, null, false,
                        "not in the spec; tlctl never deletes a volume"));
            }
        }
    }

    /** A domain's port as shown in drift: "port 8080", or the detected one. */
    private static String port(Integer port) {
        return port == null ? "port (detected)" : "port " + port;
    }

    private static boolean coveredByMissingParent(Address address, Set<String> missing) {
        if (missing.contains(address.text())) {
            return false;
        }
        String env = address.environment();
        String service = address.service();
        return env != null && missing.contains(Address.environment(env).text())
                || service != null && missing.contains(Address.service(service).text())
                || env != null && service != null && missing.contains(Address.instance(env, service).text());
    }

    private static DriftFinding structural(Address address, Action action, String detail) {
        return new DriftFinding(address, side(action), Direction.UNKNOWN, null, null, false, detail);
    }

    private static Side side(Action action) {
        return switch (action) {
            case CREATE -> Side.ONLY_IN_SPEC;
            case DELETE -> Side.ONLY_ON_RAILWAY;
            case UPDATE -> Side.DIFFERENT;
        };
    }

    private DriftFinding setting(Change.Setting s) {
        String railway = s.before() == null ? null : Values.canonical(s.before());
        String declared = s.after() == null ? null : Values.canonical(s.after());
        return new DriftFinding(s.address(), s.before() == null ? Side.ONLY_IN_SPEC : side(s.action()),
                direction(s.address(), railway, declared), s.before(), s.after(), false, null);
    }

    private DriftFinding variable(Change.Variable v) {
        Address address = v.address();
        if (v.action() == Action.UPDATE && v.before() == null) {
            // Sealed on Railway: the plan found the spec's value is not what tlctl last wrote.
            Witness last = history.written(address);
            return new DriftFinding(address, Side.DIFFERENT, last == null ? Direction.UNKNOWN : Direction.SPEC_CHANGED,
                    null, v.after(), true, "sealed on Railway: compared with what tlctl last wrote there");
        }
        String railway = v.before() == null ? null : v.before().reveal();
        String declared = v.after() == null ? null : v.after().reveal();
        DriftFinding finding = new DriftFinding(address, side(v.action()), direction(address, railway, declared),
                v.before(), v.after(), v.sensitive(), null);
        if (v.action() == Action.UPDATE && v.after() != null && v.after().equals(v.before())) {
            return finding.withDetail("the YAML seals it; on Railway it is not sealed");
        }
        String shadows = shadowing(address, v.before());
        return shadows == null ? finding : finding.withDetail(shadows);
    }

    /** A service variable holding its own value where the environment shares one of the same name. */
    private String shadowing(Address address, Secret railwayValue) {
        if (address.kind() != Address.Kind.VARIABLE || railwayValue == null || live.project() == null) {
            return null;
        }
        LiveEnvironment env = live.project().environment(address.environment()).orElse(null);
        if (env == null || !env.sharedVariables().containsKey(address.name())) {
            return null;
        }
        return References.isSharedReference(railwayValue.reveal(), address.name()) ? null
                : "shadows the shared " + address.name() + " with a value of its own (not ${{shared." + address.name() + "}})";
    }

    /** Which side moved since tlctl wrote {@code address}; values are compared in memory only. */
    private Direction direction(Address address, String railway, String declared) {
        Witness last = history.written(address);
        if (last == null) {
            return Direction.UNKNOWN;
        }
        boolean railwayAsWritten = railway != null && last.matches(railway);
        boolean specAsWritten = declared != null && last.matches(declared);
        if (railwayAsWritten && !specAsWritten) {
            return Direction.SPEC_CHANGED;
        }
        if (specAsWritten && !railwayAsWritten) {
            return Direction.RAILWAY_CHANGED;
        }
        return railwayAsWritten ? Direction.UNKNOWN : Direction.BOTH_CHANGED;
    }

    /** Settings the spec leaves alone on a declared instance, set on Railway to other than the default. */
    private void undeclaredSettings(LiveProject project) {
        for (EnvironmentSpec env : spec.environments()) {
            LiveEnvironment liveEnv = project.environment(env.name()).orElse(null);
            if (liveEnv == null) {
                continue;
            }
            for (ServiceInstanceSpec instance : env.services().values()) {
                LiveService service = project.service(instance.service()).orElse(null);
                LiveServiceInstance liveInstance = service == null ? null : liveEnv.instance(service.id()).orElse(null);
                if (!instance.enabled() || liveInstance == null) {
                    continue;
                }
                liveInstance.settings().forEach((key, value) -> {
                    if (instance.settings().containsKey(key) || RailwayDefaults.isDefault(key, value)) {
                        return;
                    }
                    Address address = Address.setting(env.name(), instance.service(), key);
                    Object fallback = RailwayDefaults.of(key);
                    findings.add(new DriftFinding(address, Side.ONLY_ON_RAILWAY,
                            direction(address, Values.canonical(value), null), value, null, false,
                            fallback == null ? null : "Railway's default is " + fallback));
                });
            }
        }
    }

    private void undeclaredUsageLimit() {
        LiveWorkspace workspace = live.workspace();
        if (spec.billing().usageLimit() != null || workspace == null || !workspace.billingReadable()
                || workspace.usageLimit() == null) {
            return;
        }
        findings.add(new DriftFinding(Address.usageLimit(), Side.ONLY_ON_RAILWAY, Direction.UNKNOWN,
                new UsageLimitValue(workspace.usageLimit().softLimitDollars(), workspace.usageLimit().hardLimitDollars()),
                null, false, "workspace-wide; billing.usageLimit is not in the YAML"));
    }

    private List<String> environmentOrder(LiveProject project) {
        List<String> order = new ArrayList<>(spec.environments().stream().map(EnvironmentSpec::name).toList());
        if (project != null) {
            project.environments().stream().map(LiveEnvironment::name).filter(n -> !order.contains(n)).forEach(order::add);
        }
        return order;
    }

    /** Project and services first, then each environment in order, then the usage limit. */
    private static int rank(Address address, List<String> order) {
        return switch (address.kind()) {
            case PROJECT, SERVICE, VOLUME -> 0;
            case USAGE_LIMIT -> Integer.MAX_VALUE;
            default -> 1 + order.indexOf(address.environment()) * 2 + (address.kind() == Address.Kind.ENVIRONMENT ? 0 : 1);
        };
    }
}

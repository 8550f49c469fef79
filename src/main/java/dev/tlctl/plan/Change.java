package dev.tlctl.plan;

import dev.tlctl.secret.Secret;
import java.util.List;
import java.util.Objects;

/**
 * One change of a plan, typed by what it changes. Each kind carries the values it needs and no
 * more: a variable's values are {@link Secret}s (masked when printed), a setting's are the spec's
 * setting values, the usage limit's are {@link UsageLimitValue}s. Ids are never in a change (but
 * a grown volume's, which has no name in the spec): the plan's {@link PlanTarget} maps names to ids.
 */
public sealed interface Change
        permits Change.Project, Change.Service, Change.Environment, Change.Instance, Change.Setting,
                Change.Variable, Change.UsageLimit, Change.Domain, Change.Volume, Change.PullRequests {

    Address address();

    /**
     * The environment of {@link #address()} (null: project-wide), without making the address: the
     * changes that have an environment hold it as their {@code environment} component, whose
     * accessor stands for this method (a large plan holds a hundred thousand changes).
     */
    default String environment() {
        return address().environment();
    }

    Action action();

    /** A short remark shown beside the change; null when there is none. */
    String note();

    /** The same change with another note. */
    Change withNote(String note);

    /** Whether tlctl sends it, or Railway makes it as a consequence of what tlctl sends. */
    default Origin origin() {
        return Origin.TLCTL;
    }

    /**
     * Whether tlctl writes it in its environment's commit, where changes staged in Railway meet it:
     * not a domain nor a new volume, which have calls of their own (Railway routes a domain and
     * creates a volume at once, whatever is staged), nor what Railway makes.
     */
    default boolean inCommit() {
        return origin() == Origin.TLCTL && !(this instanceof Domain) && !(this instanceof Volume v
                && v.action() == Action.CREATE);
    }

    /** Whether its values must never be shown. */
    default boolean sensitive() {
        return false;
    }

    /** Whether it deletes something that exists now (an apply needs --confirm-destructive for it). */
    default boolean destructive() {
        return action() == Action.DELETE;
    }

    /** The project, created together with its default environment. */
    record Project(String name, String defaultEnvironment, String note) implements Change {
        public Project {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Address address() {
            return Address.project();
        }

        @Override
        public Action action() {
            return Action.CREATE;
        }

        @Override
        public Project withNote(String text) {
            return new Project(name, defaultEnvironment, text);
        }
    }

    /** A service of the project: created (without a source, so that nothing deploys yet) or deleted everywhere. */
    record Service(Action action, String service, String note) implements Change {
        public Service {
            requireNot(action, Action.UPDATE, "a service is created or deleted");
        }

        @Override
        public Address address() {
            return Address.service(service);
        }

        @Override
        public Service withNote(String text) {
            return new Service(action, service, text);
        }
    }

    /**
     * An environment: created empty (its whole declared state follows in its commit), or deleted.
     * {@code ephemeral}: a preview (an environment a template names), created with Railway's
     * ephemeral flag as Railway marks its own pull request environments.
     */
    record Environment(Action action, String environment, String note, boolean ephemeral) implements Change {
        public Environment {
            requireNot(action, Action.UPDATE, "an environment is created or deleted");
        }

        /** An environment that is not a preview: created without Railway's ephemeral flag. */
        public Environment(Action action, String environment, String note) {
            this(action, environment, note, false);
        }

        @Override
        public Address address() {
            return Address.environment(environment);
        }

        @Override
        public Environment withNote(String text) {
            return new Environment(action, environment, text, ephemeral);
        }
    }

    /**
     * A service's instance in one environment. Created by tlctl ({@code isCreated} in the
     * environment's commit) or by Railway (a new service reaches every environment that is not a
     * fork); deleted by tlctl ({@code isDeleted}). {@code existsNow} is false for an instance
     * Railway adds in this very apply and tlctl removes in the same commit: not destructive.
     */
    record Instance(Action action, String environment, String service, Origin origin, boolean existsNow, String note)
            implements Change {
        public Instance {
            requireNot(action, Action.UPDATE, "an instance is created or deleted");
            Objects.requireNonNull(origin, "origin");
        }

        public static Instance create(String environment, String service, Origin origin) {
            return new Instance(Action.CREATE, environment, service, origin, false, null);
        }

        public static Instance delete(String environment, String service, boolean existsNow) {
            return new Instance(Action.DELETE, environment, service, Origin.TLCTL, existsNow, null);
        }

        @Override
        public Address address() {
            return Address.instance(environment, service);
        }

        @Override
        public Origin origin() {
            return origin;
        }

        @Override
        public boolean destructive() {
            return action == Action.DELETE && existsNow;
        }

        @Override
        public Instance withNote(String text) {
            return new Instance(action, environment, service, origin, existsNow, text);
        }
    }

    /**
     * A setting of a service in one environment, by its spec key ({@code deploy.numReplicas}).
     * Values are what the spec types them as: String, Long, Double, Boolean or a List of String;
     * {@code before} is null when Railway has no value, {@code after} when the change deletes it.
     */
    record Setting(Action action, String environment, String service, String key, Object before, Object after,
            String note) implements Change {
        public Setting {
            checkSettingValue(before);
            checkSettingValue(after);
        }

        @Override
        public Address address() {
            return Address.setting(environment, service, key);
        }

        @Override
        public Setting withNote(String text) {
            return new Setting(action, environment, service, key, before, after, text);
        }
    }

    /**
     * A variable: of a service, or shared by the environment when {@code service} is null. Both
     * values are masked; {@code before} is null when Railway does not have it or will not return
     * it (sealed, or unreadable with this token), {@code after} null when it is deleted.
     *
     * @param sensitive never shown, even with --show-values
     * @param sealed written with {@code isSealed}: never readable again
     */
    record Variable(Action action, String environment, String service, String name, Secret before, Secret after,
            boolean sensitive, boolean sealed, String note) implements Change {
        public Variable {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(name, "name");
            if (action != Action.DELETE) {
                Objects.requireNonNull(after, "the value to write");
            }
        }

        @Override
        public Address address() {
            return Address.variable(environment, service, name);
        }

        @Override
        public Variable withNote(String text) {
            return new Variable(action, environment, service, name, before, after, sensitive, sealed, text);
        }

        /** Whether it is a shared (environment-wide) variable. */
        public boolean shared() {
            return service == null;
        }
    }

    /**
     * A domain of a service in one environment: Railway's generated one ({@code custom} false;
     * {@code domain} is its name once it exists, null before) or the owner's ({@code domain} its
     * name), routed to a port (null: the port Railway detects). {@code afterPort} is unused for a
     * deletion. Domains do not deploy: Railway routes to them as soon as they exist.
     */
    record Domain(Action action, String environment, String service, boolean custom, String domain,
            Integer beforePort, Integer afterPort, String note) implements Change {
        public Domain {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(service, "service");
            if (custom || action != Action.CREATE) {
                Objects.requireNonNull(domain, "the domain's name");
            }
        }

        @Override
        public Address address() {
            // A deletion names the domain: "railway" names only the generated domain the spec declares.
            return Address.domain(environment, service, custom || action == Action.DELETE ? domain
                    : Address.RAILWAY_DOMAIN);
        }

        @Override
        public Domain withNote(String text) {
            return new Domain(action, environment, service, custom, domain, beforePort, afterPort, text);
        }
    }

    /**
     * A volume of a service in one environment, mounted at {@code mountPath}: created (at
     * {@code sizeMB}, null: Railway's default), or grown from {@code beforeSizeMB} to
     * {@code sizeMB} (Railway grows a volume and never shrinks one; growing it deploys nothing).
     * A volume Railway has at that mount path is adopted, and tlctl never deletes one. Mounting a
     * new one redeploys the instance.
     *
     * @param volumeId the volume grown; null for a creation
     */
    record Volume(Action action, String environment, String service, String mountPath, String volumeId,
            Integer beforeSizeMB, Integer sizeMB, String note) implements Change {
        public Volume {
            requireNot(action, Action.DELETE, "tlctl never deletes a volume");
            Objects.requireNonNull(mountPath, "mountPath");
            if (action == Action.UPDATE && (volumeId == null || beforeSizeMB == null || sizeMB == null
                    || sizeMB <= beforeSizeMB)) {
                throw new IllegalArgumentException("a volume is only grown, by its id");
            }
        }

        /** A volume created at Railway's default size. */
        public Volume(Action action, String environment, String service, String mountPath, String note) {
            this(action, environment, service, mountPath, null, null, null, note);
        }

        @Override
        public Address address() {
            return Address.volumeMount(environment, service, mountPath);
        }

        @Override
        public Volume withNote(String text) {
            return new Volume(action, environment, service, mountPath, volumeId, beforeSizeMB, sizeMB, text);
        }
    }

    /** The workspace's usage limit: set, changed, or removed ({@code after} null). */
    record UsageLimit(Action action, UsageLimitValue before, UsageLimitValue after, String note) implements Change {
        @Override
        public Address address() {
            return Address.usageLimit();
        }

        @Override
        public UsageLimit withNote(String text) {
            return new UsageLimit(action, before, after, text);
        }
    }

    /**
     * The project's settings for Railway's own pull request environments ({@code projectUpdate}):
     * {@code before} null for a project this apply creates.
     */
    record PullRequests(Action action, PullRequestsValue before, PullRequestsValue after, String note) implements Change {
        public PullRequests {
            requireNot(action, Action.DELETE, "pull request settings are set, never deleted");
        }

        @Override
        public Address address() {
            return Address.pullRequests();
        }

        @Override
        public PullRequests withNote(String text) {
            return new PullRequests(action, before, after, text);
        }
    }

    private static void requireNot(Action action, Action refused, String why) {
        Objects.requireNonNull(action, "action");
        if (action == refused) {
            throw new IllegalArgumentException(why);
        }
    }

    private static void checkSettingValue(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean) {
            return;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return;
        }
        throw new IllegalArgumentException("a setting value is a String, Long, Double, Boolean or List of String, not "
                + value.getClass().getSimpleName());
    }
}

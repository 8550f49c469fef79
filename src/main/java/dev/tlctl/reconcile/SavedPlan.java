package dev.tlctl.reconcile;

import dev.tlctl.plan.Change;
import dev.tlctl.plan.EnvironmentTarget;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.UsageLimitValue;
import dev.tlctl.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A plan saved by {@code plan --out}, as written to its file: enough to recognise the same plan
 * later, nothing to carry it out with. {@code apply PLANFILE} plans afresh from the spec and
 * Railway and goes ahead only if the fresh plan is this one: same project and environment ids,
 * same changes, the same values (each variable value as an HMAC under a key kept outside the file,
 * in {@code .tlctl/plan.key}, so that the file can neither be edited into another plan nor have
 * its secrets guessed offline), and no environment changed on Railway since ({@code configEtag}).
 *
 * @param kind always {@link #KIND}
 * @param environments the environments the plan was made for (empty: all of the spec)
 * @param replace the addresses it writes again whatever Railway holds ({@code --replace})
 * @param changes one canonical line per change, in plan order
 */
public record SavedPlan(
        int formatVersion,
        String kind,
        String tlctl,
        String createdAt,
        String endpoint,
        boolean prune,
        List<String> environments,
        List<String> replace,
        String projectName,
        String projectId,
        List<SavedEnvironment> targets,
        Map<String, String> serviceIds,
        Map<String, String> environmentIds,
        List<String> changes) {

    public static final int FORMAT_VERSION = 1;
    public static final String KIND = "tlctl-saved-plan";

    /** An environment the plan was made against, with the {@code configEtag} it read. */
    public record SavedEnvironment(String name, String id, String configEtag) {}

    public SavedPlan {
        environments = environments == null ? List.of() : List.copyOf(environments);
        replace = replace == null ? List.of() : List.copyOf(replace);
        targets = targets == null ? List.of() : List.copyOf(targets);
        serviceIds = serviceIds == null ? Map.of() : Map.copyOf(serviceIds);
        environmentIds = environmentIds == null ? Map.of() : Map.copyOf(environmentIds);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The saved form of a plan made for {@code environments} with {@code prune} and {@code replace}. */
    static SavedPlan of(Plan plan, String endpoint, boolean prune, List<String> environments, java.util.Set<String> replace,
            Instant createdAt, byte[] key) {
        List<SavedEnvironment> targets = new ArrayList<>();
        for (EnvironmentTarget t : plan.target().environments()) {
            targets.add(new SavedEnvironment(t.name(), t.id(), t.configEtag()));
        }
        return new SavedPlan(FORMAT_VERSION, KIND, Version.current(), createdAt.toString(), endpoint, prune, environments,
                replace.stream().sorted().toList(), plan.target().projectName(), plan.target().projectId(), targets, plan.target().serviceIds(),
                plan.target().environmentIds(), canonical(plan, key));
    }

    /** One line per change: what, where, who, and its values (variables only as keyed HMACs). */
    static List<String> canonical(Plan plan, byte[] key) {
        List<String> lines = new ArrayList<>();
        for (Change c : plan.changes()) {
            // Fields are tab-separated: names never hold a control character.
            StringBuilder line = new StringBuilder(c.action().name().toLowerCase(Locale.ROOT))
                    .append('\t').append(c.address().text())
                    .append("\tby=").append(c.origin().name().toLowerCase(Locale.ROOT));
            if (c instanceof Change.Variable v) {
                line.append("\tsensitive=").append(v.sensitive()).append("\tsealed=").append(v.sealed())
                        .append("\tvalue=").append(v.after() == null ? "none" : hmac(key, c.address().text(), v.after()));
            } else if (c instanceof Change.Setting s) {
                line.append("\tvalue=").append(Objects.toString(s.after()));
            } else if (c instanceof Change.PullRequests p) {
                line.append("\tvalue=").append(p.after());
            } else if (c instanceof Change.UsageLimit u) {
                UsageLimitValue after = u.after();
                line.append("\tvalue=").append(after == null ? "none" : after.soft() + "/" + after.hard());
            } else if (c instanceof Change.Volume v) {
                line.append("\tmountPath=").append(v.mountPath()).append("\tsizeMB=").append(Objects.toString(v.sizeMB(), "default"));
            } else if (c instanceof Change.Domain d) {
                line.append("\tport=").append(d.action() == dev.tlctl.plan.Action.DELETE ? "none"
                        : Objects.toString(d.afterPort(), "detected"));
            } else if (c instanceof Change.Instance i) {
                line.append("\texistsNow=").append(i.existsNow());
            } else if (c instanceof Change.Project p) {
                line.append("\tname=").append(p.name()).append("\tdefault=").append(p.defaultEnvironment());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String hmac(byte[] key, String address, Secret value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(address.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(value.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * How a fresh plan differs from this saved one, in sentences that name addresses, never
     * values; empty when it is the same plan against the same Railway state.
     */
    List<String> differences(Plan fresh, byte[] key) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(projectId, fresh.target().projectId())) {
            out.add("the project's id is " + fresh.target().projectId() + " on Railway, not " + projectId);
        }
        for (SavedEnvironment saved : targets) {
            EnvironmentTarget now = fresh.target().environment(saved.name()).orElse(null);
            if (now == null) {
                out.add("environment " + saved.name() + " is no longer planned");
            } else if (!Objects.equals(saved.id(), now.id())) {
                out.add("environment " + saved.name() + " has id " + now.id() + " on Railway, not " + saved.id());
            } else if (!Objects.equals(saved.configEtag(), now.configEtag())) {
                out.add("environment " + saved.name() + " changed on Railway since the plan was made (its configEtag)");
            }
        }
        if (fresh.target().environments().size() != targets.size()) {
            out.add("the plan covers other environments now");
        }
        if (!serviceIds.equals(fresh.target().serviceIds())) {
            out.add("the project's services differ on Railway");
        }
        if (!environmentIds.equals(fresh.target().environmentIds())) {
            out.add("the project's environments differ on Railway");
        }
        List<String> now = canonical(fresh, key);
        for (int i = 0; i < Math.max(now.size(), changes.size()); i++) {
            String a = i < changes.size() ? changes.get(i) : null;
            String b = i < now.size() ? now.get(i) : null;
            if (!Objects.equals(a, b)) {
                out.add(a == null ? "a change is new: " + describe(b)
                        : b == null ? "a change is gone: " + describe(a)
                        : address(a).equals(address(b)) ? "the change to " + address(a) + " is not the same (its value"
                                + " or kind changed since the plan was made)"
                        : "the changes differ from " + address(a) + " on");
                if (a == null || b == null || !address(a).equals(address(b))) {
                    break; // after a shift in the list, every further line differs too
                }
            }
        }
        return out;
    }

    /** The address of every change tlctl sends in this plan, in plan order. */
    List<String> addresses() {
        List<String> out = new ArrayList<>();
        for (String line : changes) {
            String[] parts = line.split("\t");
            if (parts.length >= 3 && parts[2].equals("by=tlctl")) {
                out.add(address(line));
            }
        }
        return out;
    }

    /**
     * The addresses of this plan's changes that Railway does not hold as the plan would leave them
     * ({@code live} as read now): a variable's value (compared by its keyed HMAC), a setting's, and
     * whether what it creates or deletes exists. Empty when every change is in place, as after the
     * plan was applied. A sealed value cannot be read back and counts as in place.
     */
    List<String> notInPlace(dev.tlctl.live.LiveProject live, byte[] key) {
        List<String> out = new ArrayList<>();
        LivePlaces places = LivePlaces.of(live);
        for (String line : changes) {
            String[] parts = line.split("\t");
            if (parts.length < 3 || !parts[2].equals("by=tlctl")) {
                continue;
            }
            String action = parts[0];
            String address = parts[1];
            String value = field(parts, "value=");
            boolean present = places.exists(address);
            boolean ok;
            if (action.equals("delete")) {
                ok = !present;
            } else if (places.variables().containsKey(address) || value != null && value.startsWith("hmac-sha256:")) {
                Secret held = places.variables().get(address);
                ok = present && (held == null ? places.sealed().contains(address)
                        : hmac(key, address, held).equals(value));
            } else if (places.settings().containsKey(address)) {
                ok = Objects.toString(places.settings().get(address)).equals(value);
            } else {
                ok = present || address.equals("usageLimit");
            }
            if (!ok) {
                out.add(printable(address));
            }
        }
        return out;
    }

    private static String field(String[] parts, String prefix) {
        for (String part : parts) {
            if (part.startsWith(prefix)) {
                return part.substring(prefix.length());
            }
        }
        return null;
    }

    /** Text from the file, which may have been edited: printable characters only, and not too much. */
    private static String printable(String text) {
        String clean = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }

    private static String address(String line) {
        String[] parts = line.split("\t", 3);
        return parts.length < 2 ? "?" : printable(parts[1]);
    }

    private static String describe(String line) {
        String[] parts = line.split("\t", 3);
        return parts.length < 2 ? "?" : printable(parts[0] + " " + parts[1]);
    }
}

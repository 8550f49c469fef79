package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Volumes (schema: volumeCreate, volumeUpdate, volumeDelete, volumeInstanceUpdate; railwayapp/cli
 * src/gql/mutations/strings/VolumeCreate.graphql, VolumeDelete.graphql, VolumeAttach.graphql,
 * VolumeDetach.graphql). A volume is a project record; its instance in an environment lives in
 * that environment's config ({@code volumes.<id>} and the mounting instance's
 * {@code volumeMounts.<id>.mountPath}, API-NOTES section 6), which {@link ConfigViews} reads
 * back. A service mounts at most one volume (docs volumes: "Each service can only have a single
 * volume"); mounting or unmounting deploys the service (a volumeMounts change deploys, see
 * {@link ConfigMapping#DEPLOYED_PARTS}).
 */
final class VolumeOps {
    private VolumeOps() {}

    /**
     * Refuses a config write that makes a volume smaller: Railway grows volumes and never shrinks
     * them (docs, volumes reference: "Down-sizing a volume is not currently supported, but
     * increasing size is supported"); an absent size is the default ({@link ConfigViews}).
     */
    static void requireNoShrink(ObjectNode before, ObjectNode after) {
        ObjectNode volumes = Json.at(after, "volumes");
        if (volumes == null) {
            return;
        }
        volumes.properties().forEach(entry -> {
            int was = size(Json.at(before, "volumes", entry.getKey()));
            int now = size(entry.getValue() instanceof ObjectNode o ? o : null);
            if (now < was) {
                throw new SandboxException("Volume " + entry.getKey() + " cannot be shrunk from " + was + "MB to " + now
                        + "MB: volumes can only grow");
            }
        });
    }

    private static int size(ObjectNode volume) {
        return volume != null && volume.path("sizeMB").canConvertToInt() ? volume.path("sizeMB").asInt()
                : ConfigViews.DEFAULT_VOLUME_SIZE_MB;
    }

    /**
     * volumeCreate: per the schema's VolumeCreateInput, an {@code environmentId} puts the volume's
     * instance in that environment, an explicit null in none, its absence in every environment;
     * a {@code serviceId} mounts it at {@code mountPath} wherever that service has an instance.
     */
    static State.VolumeRec create(Store store, Caller caller, Map<String, Object> input) {
        State.ProjectRec project = store.project((String) input.get("projectId"));
        String mountPath = (String) input.get("mountPath");
        requireMountPath(mountPath);
        List<State.EnvironmentRec> targets;
        if (!input.containsKey("environmentId")) {
            caller.requireProjectAdmin(store.state(), project);
            targets = store.environmentsOf(project.id);
        } else if (input.get("environmentId") == null) {
            caller.requireProjectAdmin(store.state(), project);
            targets = List.of();
        } else {
            State.EnvironmentRec environment = store.environment((String) input.get("environmentId"));
            if (!environment.projectId.equals(project.id)) {
                throw new SandboxException("Environment not found");
            }
            caller.requireEnvironment(store.state(), environment);
            targets = List.of(environment);
        }
        String serviceId = (String) input.get("serviceId");
        State.ServiceRec service = serviceId == null ? null : store.service(serviceId);
        if (service != null && !service.projectId.equals(project.id)) {
            throw new SandboxException("Service not found");
        }
        State.VolumeRec volume = new State.VolumeRec();
        volume.id = store.newId();
        volume.projectId = project.id;
        volume.name = freeName(store, project.id, service == null ? "volume" : service.name + "-volume");
        volume.createdAt = store.now();
        List<Runnable> installs = new ArrayList<>();
        for (State.EnvironmentRec environment : targets) {
            ObjectNode working = environment.config.deepCopy();
            ObjectNode volumeConfig = Json.child(Json.child(working, "volumes"), volume.id);
            if (input.get("region") != null) {
                volumeConfig.put("region", (String) input.get("region"));
            }
            if (service != null && Json.at(working, "services", service.id) != null) {
                mount(working, service.id, volume.id, mountPath);
            } else {
                volumeConfig.put("mountPath", mountPath);
            }
            // Checked for every environment before any is written.
            Lifecycle.requireNotBuilding(store, environment, Patches.deployTargets(store, environment,
                    environment.config, working));
            installs.add(() -> Patches.install(store, environment, working, true));
        }
        store.state().volumes.add(volume);
        store.markDirty();
        installs.forEach(Runnable::run);
        return volume;
    }

    /** volumeUpdate: renames the volume (the only field of VolumeUpdateInput). */
    static State.VolumeRec update(Store store, Caller caller, String volumeId, Map<String, Object> input) {
        State.VolumeRec volume = find(store, caller, volumeId);
        String name = (String) input.get("name");
        if (name != null) {
            ProjectOps.requireName("Volume", name);
            if (!name.equals(volume.name) && nameTaken(store, volume.projectId, name)) {
                throw new SandboxException("A volume named \"" + name + "\" already exists in this project");
            }
            volume.name = name;
            store.markDirty();
        }
        return volume;
    }

    /** volumeDelete: the volume and its instance in every environment; the services that mounted it redeploy. */
    static boolean delete(Store store, Caller caller, String volumeId) {
        State.VolumeRec volume = find(store, caller, volumeId);
        rewrite(store, volume, null, (working, serviceId) -> {
            Json.child(working, "volumes").remove(volume.id);
            if (serviceId != null) {
                unmount(working, serviceId, volume.id);
            }
        });
        store.state().volumes.remove(volume);
        store.markDirty();
        return true;
    }

    /**
     * volumeInstanceUpdate: in one environment (null: every environment with an instance of the
     * volume), mounts the volume on {@code serviceId} or, as the schema says of a missing
     * serviceId, unmounts it; {@code mountPath} changes the path when given.
     */
    static boolean updateInstance(Store store, Caller caller, String volumeId, String environmentId,
                                  Map<String, Object> input) {
        State.VolumeRec volume = find(store, caller, volumeId);
        String serviceId = (String) input.get("serviceId");
        String mountPath = (String) input.get("mountPath");
        if (mountPath != null) {
            requireMountPath(mountPath);
        }
        if (serviceId != null && !store.service(serviceId).projectId.equals(volume.projectId)) {
            throw new SandboxException("Service not found");
        }
        rewrite(store, volume, environmentId, (working, mountedOn) -> {
            String path = mountPath != null ? mountPath : currentPath(working, mountedOn, volume.id);
            if (mountedOn != null) {
                unmount(working, mountedOn, volume.id);
            }
            ObjectNode volumeConfig = Json.child(Json.child(working, "volumes"), volume.id);
            volumeConfig.remove("mountPath");
            if (serviceId != null) {
                if (Json.at(working, "services", serviceId) == null) {
                    throw new SandboxException("ServiceInstance not found");
                }
                mount(working, serviceId, volume.id, path);
            } else if (path != null) {
                volumeConfig.put("mountPath", path);
            }
        });
        return true;
    }

    /** An edit of one environment's working copy: the service that mounts the volume there (or null). */
    private interface Edit {
        void apply(ObjectNode working, String mountedOn);
    }

    /**
     * Applies {@code edit} to each environment holding an instance of the volume (or the one
     * named), checking every environment before writing any, then installs the results.
     */
    private static void rewrite(Store store, State.VolumeRec volume, String environmentId, Edit edit) {
        List<Runnable> installs = new ArrayList<>();
        for (State.EnvironmentRec environment : store.environmentsOf(volume.projectId)) {
            if (environmentId != null && !environment.id.equals(environmentId)) {
                continue;
            }
            String mountedOn = mountedOn(store, environment, volume.id);
            if (mountedOn == null && Json.at(environment.config, "volumes", volume.id) == null) {
                if (environmentId != null) {
                    throw new SandboxException("VolumeInstance not found");
                }
                continue;
            }
            ObjectNode working = environment.config.deepCopy();
            edit.apply(working, mountedOn);
            Lifecycle.requireNotBuilding(store, environment, Patches.deployTargets(store, environment,
                    environment.config, working));
            installs.add(() -> Patches.install(store, environment, working, true));
        }
        installs.forEach(Runnable::run);
    }

    private static State.VolumeRec find(Store store, Caller caller, String volumeId) {
        State.VolumeRec volume = store.state().volumes.stream().filter(v -> v.id.equals(volumeId)).findFirst()
                .orElseThrow(() -> new SandboxException("Volume not found"));
        caller.requireProjectAdmin(store.state(), store.project(volume.projectId));
        return volume;
    }

    /** The service whose instance mounts the volume in the environment, or null. */
    static String mountedOn(Store store, State.EnvironmentRec environment, String volumeId) {
        for (String serviceId : store.instanceServiceIds(environment)) {
            if (Json.at(environment.config, "services", serviceId, "volumeMounts", volumeId) != null) {
                return serviceId;
            }
        }
        return null;
    }

    private static void mount(ObjectNode working, String serviceId, String volumeId, String mountPath) {
        ObjectNode mounts = Json.at(working, "services", serviceId, "volumeMounts");
        if (mounts != null && Json.fieldNames(mounts).stream().anyMatch(id -> !id.equals(volumeId)
                && !mounts.get(id).isNull())) {
            throw new SandboxException("Service already has a volume: a service can mount only one volume");
        }
        Json.child(Json.child(Json.at(working, "services", serviceId), "volumeMounts"), volumeId)
                .put("mountPath", mountPath);
    }

    private static void unmount(ObjectNode working, String serviceId, String volumeId) {
        ObjectNode mounts = Json.at(working, "services", serviceId, "volumeMounts");
        if (mounts != null) {
            mounts.remove(volumeId);
            if (mounts.isEmpty()) {
                Json.at(working, "services", serviceId).remove("volumeMounts");
            }
        }
    }

    private static String currentPath(ObjectNode working, String mountedOn, String volumeId) {
        String path = mountedOn == null ? null
                : ConfigMapping.text(Json.at(working, "services", mountedOn, "volumeMounts", volumeId), "mountPath");
        return path != null ? path : ConfigMapping.text(Json.at(working, "volumes", volumeId), "mountPath");
    }

    private static void requireMountPath(String mountPath) {
        if (mountPath == null || !mountPath.startsWith("/") || mountPath.length() > 255) {
            throw new SandboxException("mountPath must be an absolute path such as /data");
        }
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... : the first name no volume of the project has. */
    private static String freeName(Store store, String projectId, String base) {
        String name = base;
        for (int i = 2; nameTaken(store, projectId, name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static boolean nameTaken(Store store, String projectId, String name) {
        return store.state().volumes.stream().anyMatch(v -> v.projectId.equals(projectId) && v.name.equals(name));
    }
}

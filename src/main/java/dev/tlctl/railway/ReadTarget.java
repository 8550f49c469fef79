package dev.tlctl.railway;

/**
 * Which project to read: its name, an id when known, and the workspace (a name or an id; null for
 * the token's only workspace). With an id from the user ({@code idOrigin} set) the name may be
 * null: the project is whatever has that id ({@code tlctl import --project ID}).
 *
 * @param idOrigin where a given id comes from, for messages (such as "project.id in
 *     tl-engine.yaml:8" or "--project"): such an id must name the project, and an unknown one is
 *     an error. Null for an id remembered from an earlier run, which is checked against the name
 *     and dropped when stale.
 */
public record ReadTarget(String projectName, String projectId, String workspace, String idOrigin) {

    /** A project found by name only. */
    public static ReadTarget byName(String projectName, String workspace) {
        return new ReadTarget(projectName, null, workspace, null);
    }
}

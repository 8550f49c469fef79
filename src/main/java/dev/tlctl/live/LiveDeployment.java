package dev.tlctl.live;

import java.time.Instant;
import java.util.Locale;

/**
 * One deployment of a service instance as Railway reports it.
 *
 * @param image the image it runs, or null for a build from a repo
 * @param commit the commit it built, or null
 * @param branch the branch it built, or null
 * @param canRollback whether Railway still keeps its image for a rollback (null: not read)
 */
public record LiveDeployment(String id, String environmentId, String serviceId, Status status, Instant createdAt,
        Instant statusUpdatedAt, String image, String commit, String branch, Boolean canRollback) {

    /** Railway's DeploymentStatus, and UNKNOWN for a value this version of tlctl does not know. */
    public enum Status {
        INITIALIZING, QUEUED, WAITING, NEEDS_APPROVAL, BUILDING, DEPLOYING, SUCCESS, FAILED, CRASHED, SKIPPED,
        SLEEPING, REMOVING, REMOVED, UNKNOWN;

        /** The status of that name, UNKNOWN for any other. */
        public static Status of(String name) {
            if (name == null) {
                return UNKNOWN;
            }
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }

        /** Still on its way: a wait goes on. */
        public boolean inProgress() {
            return this == INITIALIZING || this == QUEUED || this == WAITING || this == NEEDS_APPROVAL
                    || this == BUILDING || this == DEPLOYING;
        }

        /** Serving, or asleep until a request wakes it: healthy for a CI gate. */
        public boolean healthy() {
            return this == SUCCESS || this == SLEEPING;
        }

        /** Ended without serving: FAILED or CRASHED. */
        public boolean failed() {
            return this == FAILED || this == CRASHED;
        }
    }
}

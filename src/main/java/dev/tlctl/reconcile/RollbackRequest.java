package dev.tlctl.reconcile;

import java.time.Duration;

/**
 * A request to roll a service back in one environment: to deployment {@code to}, or (null) to
 * the newest earlier deployment Railway can still roll back to.
 *
 * @param waitFor how long to follow the rollback's deployment; null: do not wait
 */
public record RollbackRequest(Target target, String environment, String service, String to, Duration waitFor) {}

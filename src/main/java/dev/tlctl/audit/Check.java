package dev.tlctl.audit;

import dev.tlctl.spec.Location;

/**
 * One check of an audit and its outcome: what it is about, whether it holds, and, when it does
 * not, what is wrong and how much (one clause) and what to do (another), so that a failure reads
 * as one line. Never holds a secret.
 *
 * @param id what kind of check, such as {@code spend_threshold} or {@code guard_replicas}
 * @param subject what it is about: {@code workspace}, an environment, or {@code environment/service}
 * @param what the finding, with its figures ("staging/engine-api runs 2 replicas, ...")
 * @param todo what to do about a failure; null when it holds
 * @param actual the figure checked, in {@code unit}; null when there is none (a missing limit)
 * @param limit the bound it is checked against, in {@code unit}; null when there is none
 * @param unit the unit of {@code actual} and {@code limit}: dollars, percent, replicas, vCPUs, GB; null without figures
 * @param location where the spec writes what failed (a setting, a guard), when a spec place applies; else null
 */
public record Check(String id, String subject, boolean passed, String what, String todo, Double actual, Double limit,
        String unit, Location location) {

    static Check pass(String id, String subject, String what, Double actual, Double limit, String unit) {
        return new Check(id, subject, true, what, null, actual, limit, unit, null);
    }

    static Check fail(String id, String subject, String what, String todo, Double actual, Double limit, String unit,
            Location location) {
        return new Check(id, subject, false, what, todo, actual, limit, unit, location);
    }

    /** The finding and what to do, as one line. */
    public String line() {
        return todo == null ? what : what + "; " + todo;
    }

    /** What to do as a sentence, for a diagnostic's detail. */
    public String todoSentence() {
        return todo == null ? null : Character.toUpperCase(todo.charAt(0)) + todo.substring(1) + ".";
    }
}

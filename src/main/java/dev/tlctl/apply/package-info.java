/**
 * Owns applying a plan: runs its changes through the client in dependency order, batched,
 * reporting each step to a listener. Never prints. May import: plan, live, railway, secret.
 */
package dev.tlctl.apply;

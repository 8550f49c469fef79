/**
 * Owns what Railway has now, normalised into records that carry no API types: the project,
 * its environments with their config etags, services, per-environment settings and variables,
 * and the workspace's usage limit. May import: secret.
 */
package dev.tlctl.live;

package dev.tlctl.plan;

/**
 * Who makes a change happen: tlctl, by sending it, or Railway, as a consequence of something tlctl
 * sends (creating a service adds an instance of it to every environment that is not a fork).
 */
public enum Origin { TLCTL, RAILWAY }

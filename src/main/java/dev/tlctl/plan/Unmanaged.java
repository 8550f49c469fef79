package dev.tlctl.plan;

/**
 * Something on Railway the spec does not manage: listed, and deleted only with {@code --prune}
 * when {@code prunable} (volumes never are).
 */
public record Unmanaged(Address address, String note, boolean prunable) {}

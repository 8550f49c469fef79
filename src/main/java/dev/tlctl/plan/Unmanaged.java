package dev.tlctl.plan;

/** Something on Railway the spec does not declare: listed, and deleted only with {@code --prune}. */
public record Unmanaged(Address address, String note, boolean prunable) {}

/**
 * Owns adoption: turning what Railway has (a live project, a config-as-code file) into the spec's
 * documents, as pure functions with no I/O. A live project becomes a base file and overlays
 * (secrets as {@code ${env:...}} references, what the spec cannot express listed); a
 * {@code railway.json}/{@code railway.toml} becomes text edits of an existing spec. Its own
 * package because it is neither reading the spec nor planning against Railway: it writes specs,
 * which nothing else does. May import: secret, spec, live, plan (Railway's defaults); Jackson and
 * tomlj for config-as-code files.
 */
package dev.tlctl.adopt;

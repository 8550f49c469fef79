/**
 * Owns the command line: picocli commands, option mixins, human and JSON views, exit codes.
 * Commands turn options into an immutable request, call the core, and render the result.
 * May import everything.
 */
package dev.tlctl.cli;

package dev.tlctl.cli;

/** The forms of a command's output: for people, one JSON document, or Markdown. */
enum Format { HUMAN, JSON, MARKDOWN }

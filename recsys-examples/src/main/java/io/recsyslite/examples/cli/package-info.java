/**
 * The {@code recsys-lite} command line (picocli). {@link RecsysLiteCli} is the entry point; each
 * command is a thin package-private class that parses options, calls the library and prints.
 * Errors a user causes print one line ({@code Error: ...}) and exit 1, bad options exit 2 with the
 * usage; progress is drawn on stderr. An application built on the library, not part of its API.
 */
package io.recsyslite.examples.cli;

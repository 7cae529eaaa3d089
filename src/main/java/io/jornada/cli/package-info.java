/**
 * The command-line side of Jornada: the demo runner that feeds synthetic leads through the
 * application's own HTTP API and reports what the journeys did, and the entry points of the
 * offline scoring commands ({@code train}, {@code evaluate}, {@code bench scoring}), which the
 * launcher runs from the jar without the web application or the engine. The {@code jornada} launcher
 * script at the repository root builds the jar, starts Redis and runs the application with
 * {@code jornada.demo.enabled=true}.
 *
 * <p>Nothing here holds business logic: it only feeds and reports, and it never prints personal
 * data (names, e-mails, phones), only lead ids.
 */
package io.jornada.cli;

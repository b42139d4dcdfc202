/** The command line: JCommander argument classes, one per command, that parse, call the pipeline and print. */
package io.rawi.cli;

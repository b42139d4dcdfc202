/**
 * The pipeline: one class that drives every stage in order, and the options and results of a conversion. The command
 * line only parses arguments and prints; everything it does goes through here.
 */
package io.rawi.pipeline;

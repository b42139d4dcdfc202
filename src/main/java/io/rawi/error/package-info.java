/** The exceptions every stage throws to report a failure the user can act on, with the exit code it maps to. */
package io.rawi.error;

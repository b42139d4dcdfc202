/** Validation of finished books with EPUBCheck, run in process and summarised. */
package io.rawi.check;

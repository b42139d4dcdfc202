/** Helpers shared by several stages. Internal: not part of rawi's API; don't depend on it. */
package io.rawi.internal;

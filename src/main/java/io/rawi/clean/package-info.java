/**
 * Cleaning: named rules that repair a text's typography (quotes, spacing, Arabic punctuation, Unicode forms), each
 * change recorded with its rule, paragraph and exact before and after.
 */
package io.rawi.clean;

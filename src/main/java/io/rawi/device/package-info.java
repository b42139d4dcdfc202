/**
 * Taking books to readers: finding mounted e-readers (Kobo, Kindle, PocketBook), copying books onto them safely,
 * and the Kobo edition (kepub).
 */
package io.rawi.device;

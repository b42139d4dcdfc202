/**
 * EPUB 3 publishing: the package document, navigation document, NCX, XHTML content documents, stylesheet and cover,
 * written with the JDK's XML writer and zipped as an OCF container.
 */
package io.rawi.epub;

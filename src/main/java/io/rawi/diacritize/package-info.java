/**
 * Restores the short vowels, shadda, sukun and tanwin of Arabic text before it is spoken: {@link
 * io.rawi.diacritize.Diacritizer} (an averaged perceptron over letter windows, learnt by {@code Trainer} from vowelled
 * text and scored by {@code Evaluation} in DER and WER). It keeps every mark the author wrote and changes nothing but
 * marks.
 */
package io.rawi.diacritize;

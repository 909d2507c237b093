// Limits the muted-word form shows, kept free of imports so pages can use them without pulling server code into the browser.

export const MUTED_WORD_MIN_LENGTH = 2;
export const MUTED_WORD_MAX_LENGTH = 40;
export const MUTED_WORDS_MAX_PER_MEMBER = 50;

/**
 * A muted word of at least this many letters and digits also matches longer
 * words that start with it, so "angst" hides "angsten" and "angstanfall".
 * Shorter words match only whole words, so "rus" leaves "russ" and "russisk" alone.
 */
export const MUTED_WORD_PREFIX_MIN_LENGTH = 4;

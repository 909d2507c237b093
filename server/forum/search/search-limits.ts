// Limits the search page shows, kept free of imports so pages can use them without pulling server code into the browser.

export const SEARCH_QUERY_MAX_LENGTH = 200;

/** Maximum number of words a search uses. Later words are ignored, so the tsquery stays small. */
export const SEARCH_WORDS_MAX = 10;

export const SEARCH_RESULTS_PER_PAGE = 20;

/** Later pages are not served, because 200 results are enough and OFFSET makes the database rank and skip every earlier row. */
export const SEARCH_PAGES_MAX = 10;

/** Matching posts, and matching thread titles, ranked per search: the newest of each. It covers the 10 result pages many times over. */
export const SEARCH_CANDIDATES_MAX = 500;

// Limits the community forms show, kept free of imports so pages can use them without pulling server code into the browser.

export const COMMUNITY_NAME_MIN_LENGTH = 2;
export const COMMUNITY_NAME_MAX_LENGTH = 100;

/**
 * The range of Statistics Norway's municipality numbers, whose first two digits
 * are a county number, from 01 (Østfold before 2020) to 56 (Finnmark). Checking
 * the range catches typing errors such as 0000 without a list of every municipality.
 */
export const MUNICIPALITY_NUMBER_MIN = "0101";
export const MUNICIPALITY_NUMBER_MAX = "5699";

// Limits the category forms show, kept free of imports so pages can use them without pulling server code into the browser.

export const FORUM_CATEGORY_NAME_MIN_LENGTH = 2;
export const FORUM_CATEGORY_NAME_MAX_LENGTH = 60;
export const FORUM_CATEGORY_DESCRIPTION_MAX_LENGTH = 300;

/** Categories are listed by position, lowest first; equal positions fall back to the name. */
export const FORUM_CATEGORY_POSITION_MIN = 0;
export const FORUM_CATEGORY_POSITION_MAX = 9999;

/** The languages every category is named and described in, as the suffixes of its columns. */
export const forumCategoryLanguages = ["nb", "nn", "en"] as const;

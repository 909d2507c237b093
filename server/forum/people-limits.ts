// Limits the forum's reveal and closed-group forms show, kept free of imports so pages can use them without pulling server code into the browser.

/** A shown name is a first name or a short greeting, counted in UTF-16 code units like the browser's `maxlength`. */
export const SHOWN_NAME_MAX_LENGTH = 40;

export const CLOSED_GROUP_NAME_MAX_LENGTH = 60;

/** The most members one create form may invite, so a single request stays small. */
export const CLOSED_GROUP_MAX_INVITEES = 50;

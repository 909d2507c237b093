// Limits the invitation form shows, kept free of imports so pages can use them without pulling server code into the browser.

export const INVITEE_NAME_MAX_LENGTH = 120;
export const INVITEE_EMAIL_MAX_LENGTH = 254;

/** How many invitations the list shows, newest first. Older ones stay in the database. */
export const INVITATION_LIST_LIMIT = 200;

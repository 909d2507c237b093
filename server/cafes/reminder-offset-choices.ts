// Reminder times the settings page offers, kept free of imports so pages can use them without pulling server code into the browser.

/** Minutes before a kafé starts: one week, two days, the day before, three hours, two hours and one hour. */
export const REMINDER_OFFSET_CHOICES = [7 * 24 * 60, 2 * 24 * 60, 24 * 60, 180, 120, 60] as const;

export type ReminderOffset = (typeof REMINDER_OFFSET_CHOICES)[number];

/** At most this many devices per member may receive web push. */
export const PUSH_DEVICES_MAX_PER_MEMBER = 10;

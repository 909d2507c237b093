/**
 * The portal's idea of "now" for scheduled things: kafé times, reminders and
 * whether a kafé has started or ended. Everything else uses real time.
 *
 * In tests the clock can be set (TEST_CLOCK=on, never in production), so a
 * journey can reach a reminder's time without waiting a day.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that runs at real speed from a time it was set to. */
export interface SettableClock extends Clock {
  set(instant: Date): void;
}

export function createSettableClock(): SettableClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    set: (instant) => {
      offsetMs = instant.getTime() - Date.now();
    },
  };
}

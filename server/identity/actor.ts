import type { Locale, Role } from "./roles";

export interface AnonymousActor {
  kind: "anonymous";
}

/**
 * The signed-in person as every use case sees them. `displayName` is the
 * pseudonym for anyone with a member profile, otherwise the real name: never both.
 */
export interface PersonActor {
  kind: "person";
  accountId: string;
  roles: Role[];
  locale: Locale | null;
  displayName: string | null;
  hasMemberProfile: boolean;
  termsAccepted: boolean;
  isDemo: boolean;
  sessionTokenHash: string;
  /**
   * True while the person takes a break and has not yet confirmed their
   * return. `resolveSession` always sets it; actors built elsewhere (tests,
   * scripts) may leave it out, which reads as not paused.
   */
  paused?: boolean;
}

export type Actor = AnonymousActor | PersonActor;

export const anonymous: AnonymousActor = { kind: "anonymous" };

export function hasRole(actor: Actor, role: Role): actor is PersonActor {
  return actor.kind === "person" && actor.roles.includes(role);
}

/** A member must accept the terms and choose a pseudonym before using the portal; others accept the terms. */
/** True for a person on a break who signed in again but has not yet confirmed that they are back. */
export function isPaused(actor: Actor): actor is PersonActor {
  return actor.kind === "person" && actor.paused === true;
}

export function needsOnboarding(actor: PersonActor): boolean {
  return !actor.termsAccepted || (actor.roles.includes("member") && !actor.hasMemberProfile);
}

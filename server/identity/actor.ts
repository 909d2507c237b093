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
}

export type Actor = AnonymousActor | PersonActor;

export const anonymous: AnonymousActor = { kind: "anonymous" };

export function hasRole(actor: Actor, role: Role): actor is PersonActor {
  return actor.kind === "person" && actor.roles.includes(role);
}

/** A member must accept the terms and choose a pseudonym before using the portal; others accept the terms. */
export function needsOnboarding(actor: PersonActor): boolean {
  return !actor.termsAccepted || (actor.roles.includes("member") && !actor.hasMemberProfile);
}

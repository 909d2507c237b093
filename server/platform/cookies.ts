import { serialize } from "cookie";

export const SESSION_COOKIE = "rc_session";
export const CSRF_COOKIE = "rc_csrf";
export const INVITATION_COOKIE = "rc_invitation";
export const OIDC_STATE_COOKIE = "rc_oidc";
export const EMAIL_CHALLENGE_COOKIE = "rc_email_challenge";

/** An HttpOnly, SameSite=Lax cookie, `Secure` whenever the portal is served over HTTPS. */
export function cookieHeader(name: string, value: string, options: { secure: boolean; maxAgeSeconds?: number; path?: string }) {
  return serialize(name, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: options.secure,
    path: options.path ?? "/",
    maxAge: options.maxAgeSeconds,
  });
}

export function clearCookieHeader(name: string, options: { secure: boolean; path?: string }) {
  return serialize(name, "", { httpOnly: true, sameSite: "lax", secure: options.secure, path: options.path ?? "/", maxAge: 0 });
}

export { createSession, type SignInMethod } from "./create-session";
export { endAllSessions, endSession } from "./end-session";
export { pruneExpiredSessions } from "./prune-expired-sessions";
export { resolveSession, type SessionLookup } from "./resolve-session";

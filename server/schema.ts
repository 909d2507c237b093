// Every table, for drizzle-kit and for the typed query API.
export * from "./audit/schema";
export * from "./cafes/schema";
export * from "./communities/schema";
export * from "./forum/schema";
export * from "./identity/schema";
export * from "./invitations/schema";
export * from "./moderation/schema";
export * from "./notifications/schema";
export * from "./platform/schema";
export * from "./research/schema";

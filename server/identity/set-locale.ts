import { eq } from "drizzle-orm";

import type { Actor } from "./actor";
import type { Locale } from "./roles";
import { accounts } from "./schema";
import type { Executor } from "../platform/db";

/** Store the chosen language on the signed-in person, so it follows them to every device. */
export async function setLocale(db: Executor, actor: Actor, locale: Locale) {
  if (actor.kind !== "person") return;
  await db.update(accounts).set({ locale }).where(eq(accounts.id, actor.accountId));
}

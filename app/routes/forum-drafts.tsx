import { data } from "react-router";

import { requirePermission } from "~/route-guards.server";
import { saveDraft } from "../../server/forum/drafts";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-drafts";

/** Resource route the editor posts to while the member types; the CSRF checks of every form post apply. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.write");
  const { portal } = context.get(requestContext);
  const form = await request.formData();

  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const result = await saveDraft(portal.db, actor, { draftKey: form.get("draftKey"), title: text("title"), body: text("body"), contentWarning: text("contentWarning") });
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "invalid") return data({ status: "invalid" }, { status: 400 });
  return { status: "saved", updatedAt: result.updatedAt.toISOString() };
}

export function loader() {
  throw data({ code: "not_found" }, { status: 404 });
}

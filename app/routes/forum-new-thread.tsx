import { data } from "react-router";

import { formatDateTime } from "~/format-date";
import { ForumBreadcrumbs } from "~/components/forum-breadcrumbs";
import { ModerationNotices } from "~/components/moderation-notices";
import { PostEditor } from "~/components/post-editor";
import { forumPaths } from "~/forum-paths";
import { wordModerationNotices } from "~/moderation-notices.server";
import { m } from "~/paraglide/messages";
import { newIdempotencyKey, postEditorLimits, postEditorText, submitPostEditor } from "~/post-submission.server";
import { requirePermission } from "~/route-guards.server";
import { linkThreadToCafe, listLinkableCafes } from "../../server/cafes/link-thread-to-cafe";
import { createThread, draftKeyForPlace } from "../../server/forum/create-thread";
import { getDraft } from "../../server/forum/drafts";
import { findWritablePlace } from "../../server/forum/find-writable-place";
import type { Actor } from "../../server/identity/actor";
import { getOwnModerationNotices } from "../../server/moderation/get-own-moderation-notices";
import { requestContext, type RequestState } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import type { Route } from "./+types/forum-new-thread";

export function meta() {
  return [{ title: `${m.forum_new_thread_title()} – ReConnect` }];
}

// One module serves /forum/categories/:slug/new and /forum/groups/:groupId/new.
async function resolvePlace(state: RequestState, actor: Actor, params: { slug?: string; groupId?: string }) {
  const target = params.groupId ? { groupId: params.groupId } : { categorySlug: params.slug ?? "" };
  const found = await findWritablePlace(state.portal.db, actor, target, state.locale);
  if (!found) throw data({ code: "not_found" }, { status: 404 });
  const backPath = found.place.kind === "group" ? forumPaths.group(found.place.groupId) : forumPaths.category(params.slug ?? "");
  return { ...found, backPath };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.write");
  const state = context.get(requestContext);
  const { place, name, backPath } = await resolvePlace(state, actor, params);

  const draftKey = draftKeyForPlace(place);
  const draft = await getDraft(state.portal.db, actor, draftKey);
  const notices = await getOwnModerationNotices(state.portal.db, actor);
  // Only threads in open categories can be a kafé's reflection exercise: every member of the community can read them.
  const canPin = can(actor, "forum.moderate") && place.kind === "category";
  const cafes = canPin ? await listLinkableCafes(state.portal.db, actor, state.portal.clock.now()) : [];
  return {
    notices: wordModerationNotices(notices, state.locale),
    suspended: notices.suspension !== null,
    // Peer moderators can pin a thread as they start it, as with a reflection exercise; closed groups have no pinned threads.
    canPin,
    // Worded here, so the page's script carries no kafé wording in three languages.
    cafeLink:
      cafes.length > 0
        ? {
            label: m.cafes_new_thread_link_label(),
            help: m.cafes_new_thread_link_help(),
            none: m.cafes_new_thread_link_none(),
            options: cafes.map((cafe) => ({ id: cafe.id, label: m.cafes_thread_reflection_cafe({ cafe: cafe.title, date: formatDateTime(cafe.startsAt, state.locale) }) })),
          }
        : null,
    placeName: name,
    inGroup: place.kind === "group",
    backPath,
    draftKey,
    idempotencyKey: newIdempotencyKey(),
    defaults: { title: draft?.title ?? "", body: draft?.body ?? "", contentWarning: draft?.contentWarning ?? "" },
    draftSavedAt: draft ? draft.updatedAt.toISOString() : null,
    limits: postEditorLimits,
    editorText: postEditorText(),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.write");
  const state = context.get(requestContext);
  const { place } = await resolvePlace(state, actor, params);
  const form = await request.formData();

  const pin = form.get("pin") === "yes";
  const cafeId = String(form.get("cafeId") ?? "");
  const outcome = await submitPostEditor(state, actor, form, async (values, idempotencyKey) => {
    const result = await createThread(state.portal.db, actor, place, { ...values, idempotencyKey, pin });
    if (result.status !== "created") return result;
    // A kafé that started or was cancelled meanwhile is left unlinked; the thread itself is published either way.
    if (cafeId) await linkThreadToCafe(state.portal.db, actor, { cafeId, threadId: result.threadId }, state.portal.clock.now());
    return { ...result, status: "published" };
  });
  // The checkbox and the kafé are not part of the editor's values, so they come back beside them.
  return outcome instanceof Response || !("editor" in outcome) ? outcome : { ...outcome, pin, cafeId };
}

export default function ForumNewThread({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <ForumBreadcrumbs trail={[{ label: loaderData.placeName, to: loaderData.backPath }]} />
      <h1 className="ds-heading" data-size="lg">
        {m.forum_new_thread_title()}
      </h1>
      <p className="ds-paragraph">{loaderData.inGroup ? m.forum_new_thread_intro_group({ group: loaderData.placeName }) : m.forum_new_thread_intro({ category: loaderData.placeName })}</p>
      <ModerationNotices notices={loaderData.notices} />
      {loaderData.suspended ? null : <PostEditor
        id="thread-editor"
        heading={m.forum_new_thread_editor_heading()}
        draftKey={loaderData.draftKey}
        idempotencyKey={loaderData.idempotencyKey}
        withTitle
        defaults={loaderData.defaults}
        draftSavedAt={loaderData.draftSavedAt}
        state={actionData && "editor" in actionData ? actionData.editor : undefined}
        limits={loaderData.limits}
        text={loaderData.editorText}
        submitLabel={m.forum_new_thread_submit()}
        extraFields={
          loaderData.canPin ? (
            <>
              <div className="ds-field">
                <input className="ds-input" type="checkbox" id="thread-editor-pin" name="pin" value="yes" defaultChecked={actionData && "pin" in actionData ? actionData.pin : false} />
                <label className="ds-label" htmlFor="thread-editor-pin" data-weight="regular">
                  {m.forum_new_thread_pin_label()}
                </label>
              </div>
              {loaderData.cafeLink ? (
                <div className="ds-field">
                  <label className="ds-label" htmlFor="thread-editor-cafe">
                    {loaderData.cafeLink.label}
                  </label>
                  <p className="ds-paragraph" data-size="sm" id="thread-editor-cafe-help">
                    {loaderData.cafeLink.help}
                  </p>
                  <select
                    className="ds-input"
                    id="thread-editor-cafe"
                    name="cafeId"
                    aria-describedby="thread-editor-cafe-help"
                    defaultValue={actionData && "cafeId" in actionData ? actionData.cafeId : ""}
                  >
                    <option value="">{loaderData.cafeLink.none}</option>
                    {loaderData.cafeLink.options.map((option) => (
                      <option key={option.id} value={option.id}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </>
          ) : null
        }
      />}
    </>
  );
}

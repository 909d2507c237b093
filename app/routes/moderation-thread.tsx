import { data, Form, Link } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { ModerationReasonSelect } from "~/components/moderation-reason-select";
import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { moderationReasonOptions } from "~/moderation-labels";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { getThreadForModeration } from "../../server/moderation/get-thread-for-moderation";
import { lockThread, unlockThread } from "../../server/moderation/lock-thread";
import { moveThread } from "../../server/moderation/move-thread";
import { pinThread, unpinThread } from "../../server/moderation/pin-thread";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/moderation-thread";

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${m.moderation_thread_title()}: ${loaderData.thread.title} – ReConnect` : "ReConnect" }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation.view");
  const { portal, locale } = context.get(requestContext);

  const result = await getThreadForModeration(portal.db, actor, params.threadId, locale);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const { status: _status, ...thread } = result;
  return { locale, thread, reasons: moderationReasonOptions() };
}

type Intent = "lock" | "unlock" | "pin" | "unpin" | "move";
const intents: readonly Intent[] = ["lock", "unlock", "pin", "unpin", "move"];

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.moderate");
  const { portal, log, locale } = context.get(requestContext);
  const form = await request.formData();
  const intent = form.get("intent") as Intent;
  if (!intents.includes(intent)) throw data({ code: "invalid_intent" }, { status: 400 });
  const reason = form.get("reason") ?? undefined;

  if (intent === "move") {
    const result = await moveThread(portal.db, actor, params.threadId, { categoryId: form.get("categoryId"), reason });
    if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
    if (result.status === "not_allowed") return { intent, notice: m.moderation_move_group_note() };
    if (result.status === "invalid") return { intent, errors: { categoryId: result.errors.categoryId ? m.moderation_error_category_missing() : undefined, reason: result.errors.reason ? m.moderation_error_reason_invalid() : undefined } };
    if (result.status === "unchanged") return { intent, notice: m.moderation_thread_unchanged() };
    log.info({ accountId: actor.accountId, threadId: params.threadId }, "moderation.thread_moved");
    const moved = await getThreadForModeration(portal.db, actor, params.threadId, locale);
    return { intent, notice: m.moderation_thread_moved_done({ category: moved.status === "found" ? moved.place.name : "" }) };
  }

  const change = { lock: lockThread, unlock: unlockThread, pin: pinThread, unpin: unpinThread }[intent];
  const result = await change(portal.db, actor, params.threadId, { reason });
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "invalid") return { intent, errors: { reason: m.moderation_error_reason_invalid(), categoryId: undefined } };
  if (!result.changed) return { intent, notice: m.moderation_thread_unchanged() };
  log.info({ accountId: actor.accountId, threadId: params.threadId, change: intent }, "moderation.thread_changed");
  const done = { lock: m.moderation_thread_locked_done, unlock: m.moderation_thread_unlocked_done, pin: m.moderation_thread_pinned_done, unpin: m.moderation_thread_unpinned_done }[intent];
  return { intent, notice: done() };
}

export default function ModerationThread({ loaderData, actionData }: Route.ComponentProps) {
  const { thread, locale, reasons } = loaderData;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const errorFor = (intent: Intent) => (actionData?.intent === intent ? errors : undefined);
  const states = [
    thread.locked ? m.moderation_thread_state_locked() : m.moderation_thread_state_open(),
    ...(thread.pinned ? [m.moderation_thread_state_pinned()] : []),
    ...(thread.hidden ? [m.moderation_thread_state_hidden()] : []),
    ...(thread.pending ? [m.moderation_thread_state_pending()] : []),
  ];

  return (
    <>
      <p className="ds-paragraph">
        <Link to={moderationPaths.overview()}>{m.moderation_overview_link()}</Link>
        {" · "}
        <Link to={forumPaths.thread(thread.id)}>{m.moderation_thread_back()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_thread_title()}: {thread.title}
      </h1>
      <p className="ds-paragraph">
        {thread.place.kind === "category" ? m.moderation_thread_place_category({ category: thread.place.name }) : m.moderation_thread_place_group({ group: thread.place.name })}
      </p>
      <p className="ds-paragraph">{m.moderation_thread_started({ author: thread.authorPseudonym ?? m.forum_former_member(), time: formatDateTime(thread.createdAt, locale) })}</p>
      <p className="ds-paragraph">
        {m.moderation_thread_state_label()}: {states.join(" · ")}
      </p>
      {actionData && "notice" in actionData ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">{actionData.notice}</p>
        </div>
      ) : null}

      <ThreadStateForm
        intent={thread.locked ? "unlock" : "lock"}
        heading={m.moderation_lock_heading()}
        submit={thread.locked ? m.moderation_unlock_submit() : m.moderation_lock_submit()}
        reasons={reasons}
        error={errorFor(thread.locked ? "unlock" : "lock")?.reason}
      />
      <ThreadStateForm
        intent={thread.pinned ? "unpin" : "pin"}
        heading={m.moderation_pin_heading()}
        submit={thread.pinned ? m.moderation_unpin_submit() : m.moderation_pin_submit()}
        reasons={reasons}
        error={errorFor(thread.pinned ? "unpin" : "pin")?.reason}
      />

      <section className="stack" aria-labelledby="move-heading">
        <h2 id="move-heading" className="ds-heading" data-size="sm">
          {m.moderation_move_heading()}
        </h2>
        {thread.place.kind === "group" ? (
          <p className="ds-paragraph">{m.moderation_move_group_note()}</p>
        ) : (
          <Form method="post" className="stack">
            <CsrfField />
            <div className="ds-field">
              <label className="ds-label" htmlFor="move-category">
                {m.moderation_move_category_label()}
              </label>
              <select
                className="ds-input"
                id="move-category"
                name="categoryId"
                defaultValue={thread.place.categoryId}
                aria-invalid={errorFor("move")?.categoryId ? true : undefined}
                aria-describedby={errorFor("move")?.categoryId ? "move-category-error" : undefined}
              >
                {thread.categories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {category.name}
                  </option>
                ))}
              </select>
              {errorFor("move")?.categoryId ? (
                <p className="ds-validation-message" id="move-category-error">
                  {errorFor("move")?.categoryId}
                </p>
              ) : null}
            </div>
            <ModerationReasonSelect id="move-reason" label={m.moderation_reason_label()} options={reasons} emptyLabel={m.moderation_reason_none()} error={errorFor("move")?.reason} />
            <div className="button-row">
              <button type="submit" name="intent" value="move" className="ds-button" data-variant="secondary">
                {m.moderation_move_submit()}
              </button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}

function ThreadStateForm(props: { intent: Intent; heading: string; submit: string; reasons: ReturnType<typeof moderationReasonOptions>; error?: string }) {
  const headingId = `${props.intent}-heading`;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="ds-heading" data-size="sm">
        {props.heading}
      </h2>
      <Form method="post" className="stack">
        <CsrfField />
        <ModerationReasonSelect id={`${props.intent}-reason`} label={m.moderation_reason_label()} options={props.reasons} emptyLabel={m.moderation_reason_none()} error={props.error} />
        <div className="button-row">
          <button type="submit" name="intent" value={props.intent} className="ds-button" data-variant="secondary">
            {props.submit}
          </button>
        </div>
      </Form>
    </section>
  );
}

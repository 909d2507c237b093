import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listForumCategories } from "../../server/forum/list-forum-categories";
import { listMutedWords } from "../../server/forum/list-muted-words";
import { muteWord } from "../../server/forum/mute-word";
import type { MutedWordErrorCode } from "../../server/forum/muted-word";
import { MUTED_WORD_MAX_LENGTH, MUTED_WORD_MIN_LENGTH, MUTED_WORD_PREFIX_MIN_LENGTH, MUTED_WORDS_MAX_PER_MEMBER } from "../../server/forum/muted-word-limits";
import { setMutedForumCategories } from "../../server/forum/set-muted-forum-categories";
import { unmuteWord } from "../../server/forum/unmute-word";
import { getNotificationSettings } from "../../server/notifications/get-notification-settings";
import { setForumEmailNotifications } from "../../server/notifications/set-forum-email-notifications";
import { setModerationEmailNotifications } from "../../server/notifications/set-moderation-email-notifications";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/settings-forum";

export function meta() {
  return [{ title: `${m.settings_forum_title()} – ReConnect` }];
}

// Notices are codes in the query, because a muted word reveals something about the reader and must not end up in a URL or the browser's history.
const notices = ["word_added", "word_already_added", "word_removed", "categories_saved", "email_on", "email_off", "moderation_email_on", "moderation_email_off"] as const;
type Notice = (typeof notices)[number];

export type SettingsForumActionData = { intent: "mute-word"; error: MutedWordErrorCode; values: { word: string } };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, locale } = context.get(requestContext);

  const [words, categories, notifications] = await Promise.all([
    listMutedWords(portal.db, actor),
    listForumCategories(portal.db, actor, { locale }),
    getNotificationSettings(portal.db, actor),
  ]);
  if (words.status !== "listed" || categories.status !== "listed" || notifications.status !== "found") throw data({ code: "not_found" }, { status: 404 });

  const url = new URL(request.url);
  const notice = notices.find((candidate) => candidate === url.searchParams.get("notice")) ?? null;

  return {
    words: words.words,
    categories: categories.categories.map((category) => ({ id: category.id, name: category.name, muted: category.muted })),
    emailForum: notifications.settings.emailForum,
    emailModeration: notifications.settings.emailModeration,
    hasEmailAddress: notifications.settings.hasEmailAddress,
    // Without SMTP_URL the portal sends no e-mail at all, so the member is told rather than left waiting.
    mailEnabled: portal.mailer.enabled,
    notice,
  };
}

function noticeRedirect(notice: Notice, sectionId: string) {
  return redirect(`${forumPaths.settings()}?notice=${notice}#${sectionId}`);
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const word = form.get("word");

  switch (form.get("intent")) {
    case "mute-word": {
      const result = await muteWord(portal.db, actor, { word });
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      if (result.status === "invalid") {
        return data<SettingsForumActionData>({ intent: "mute-word", error: result.error, values: { word: typeof word === "string" ? word : "" } }, { status: 400 });
      }
      return noticeRedirect(result.status === "muted" ? "word_added" : "word_already_added", "muted-words-heading");
    }
    case "unmute-word": {
      const result = await unmuteWord(portal.db, actor, { word });
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      // A word already gone was removed in another tab, and the reader wanted it gone either way.
      return noticeRedirect("word_removed", "muted-words-heading");
    }
    case "save-muted-categories": {
      const result = await setMutedForumCategories(portal.db, actor, { categoryIds: form.getAll("categoryId") });
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      return noticeRedirect("categories_saved", "muted-categories-heading");
    }
    case "save-email": {
      // An unticked checkbox sends nothing, so absence means off.
      const result = await setForumEmailNotifications(portal.db, actor, { enabled: form.get("emailForum") === "on" });
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      return noticeRedirect(result.emailForum ? "email_on" : "email_off", "email-heading");
    }
    case "save-moderation-email": {
      const result = await setModerationEmailNotifications(portal.db, actor, { enabled: form.get("emailModeration") === "on" });
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      return noticeRedirect(result.emailModeration ? "moderation_email_on" : "moderation_email_off", "moderation-email-heading");
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

function wordErrorText(error: MutedWordErrorCode): string {
  switch (error) {
    case "word_missing":
      return m.settings_forum_error_word_missing();
    case "word_too_short":
      return m.settings_forum_error_word_too_short({ min: MUTED_WORD_MIN_LENGTH });
    case "word_too_long":
      return m.settings_forum_error_word_too_long({ max: MUTED_WORD_MAX_LENGTH });
    case "word_without_letters":
      return m.settings_forum_error_word_without_letters();
    case "too_many_words":
      return m.settings_forum_error_too_many_words({ max: MUTED_WORDS_MAX_PER_MEMBER });
  }
}

function SuccessNotice({ text }: { text: string }) {
  return (
    <div className="ds-alert" data-color="success" role="status">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}

function MutedWordsSection({ words, notice, actionData }: { words: string[]; notice: Notice | null; actionData: SettingsForumActionData | undefined }) {
  const error = actionData ? wordErrorText(actionData.error) : null;
  const noticeText = { word_added: m.settings_forum_word_added, word_already_added: m.settings_forum_word_already_added, word_removed: m.settings_forum_word_removed };

  return (
    <section className="stack" aria-labelledby="muted-words-heading">
      <h2 id="muted-words-heading" className="ds-heading" data-size="md">
        {m.settings_forum_words_heading()}
      </h2>
      <p className="ds-paragraph">{m.settings_forum_words_body()}</p>
      <p className="ds-paragraph" id="muted-words-matching">
        {m.settings_forum_words_matching({ min: MUTED_WORD_PREFIX_MIN_LENGTH })}
      </p>
      {notice === "word_added" || notice === "word_already_added" || notice === "word_removed" ? <SuccessNotice text={noticeText[notice]()} /> : null}

      {words.length === 0 ? (
        <p className="ds-paragraph">{m.settings_forum_words_empty()}</p>
      ) : (
        <>
          <h3 id="muted-words-list-heading" className="ds-heading" data-size="xs">
            {m.settings_forum_words_caption()}
          </h3>
          <p className="ds-paragraph">{m.settings_forum_words_count({ count: words.length, max: MUTED_WORDS_MAX_PER_MEMBER })}</p>
          <ul className="muted-word-list" aria-labelledby="muted-words-list-heading">
            {words.map((word) => (
              <li key={word}>
                <span className="wrap-anywhere">{word}</span>
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="intent" value="unmute-word" />
                  <input type="hidden" name="word" value={word} />
                  <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm" aria-label={m.settings_forum_word_remove_label({ word })}>
                    {m.settings_forum_word_remove()}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}

      {/* Keyed by the list, so the field empties after a word is added but keeps what was typed after an error. */}
      <Form method="post" className="stack" noValidate key={actionData ? "retry" : words.join("\n")}>
        <CsrfField />
        <input type="hidden" name="intent" value="mute-word" />
        <div className="ds-field">
          <label className="ds-label" htmlFor="muted-word">
            {m.settings_forum_word_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="muted-word-help">
            {m.settings_forum_word_description({ min: MUTED_WORD_MIN_LENGTH, max: MUTED_WORD_MAX_LENGTH })}
          </p>
          <input
            className="ds-input"
            id="muted-word"
            name="word"
            type="text"
            autoComplete="off"
            maxLength={MUTED_WORD_MAX_LENGTH}
            defaultValue={actionData?.values.word ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "muted-word-help muted-word-error" : "muted-word-help"}
          />
          {error ? (
            <p className="ds-validation-message" id="muted-word-error" data-color="danger">
              {error}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {m.settings_forum_word_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}

function MutedCategoriesSection({ categories, saved }: { categories: { id: string; name: string; muted: boolean }[]; saved: boolean }) {
  return (
    <section className="stack" aria-labelledby="muted-categories-heading">
      <h2 id="muted-categories-heading" className="ds-heading" data-size="md">
        {m.settings_forum_categories_heading()}
      </h2>
      <p className="ds-paragraph" id="muted-categories-help">
        {m.settings_forum_categories_body()}
      </p>
      {saved ? <SuccessNotice text={m.settings_forum_categories_saved()} /> : null}
      {categories.length === 0 ? (
        <p className="ds-paragraph">{m.settings_forum_categories_empty()}</p>
      ) : (
        // Keyed by what is stored, so the boxes show the saved choice after each post.
        <Form method="post" className="stack" key={categories.map((category) => `${category.id}:${category.muted}`).join(",")}>
          <CsrfField />
          <input type="hidden" name="intent" value="save-muted-categories" />
          <fieldset className="ds-fieldset" aria-describedby="muted-categories-help">
            <legend className="ds-label">{m.settings_forum_categories_legend()}</legend>
            {categories.map((category) => (
              <div className="ds-field" key={category.id}>
                <input className="ds-input" type="checkbox" id={`mute-category-${category.id}`} name="categoryId" value={category.id} defaultChecked={category.muted} />
                <label className="ds-label" htmlFor={`mute-category-${category.id}`} data-weight="regular">
                  {category.name}
                </label>
              </div>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="ds-button" data-variant="secondary">
              {m.settings_forum_categories_submit()}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

function EmailSection({ emailForum, hasEmailAddress, mailEnabled, notice }: { emailForum: boolean; hasEmailAddress: boolean; mailEnabled: boolean; notice: Notice | null }) {
  return (
    <section className="stack" aria-labelledby="email-heading">
      <h2 id="email-heading" className="ds-heading" data-size="md">
        {m.settings_forum_email_heading()}
      </h2>
      <p className="ds-paragraph" id="email-help">
        {m.settings_forum_email_body()}
      </p>
      {mailEnabled ? null : (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{m.settings_forum_email_not_configured()}</p>
        </div>
      )}
      {hasEmailAddress || !mailEnabled ? null : (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{m.settings_forum_email_no_address()}</p>
        </div>
      )}
      {notice === "email_on" || notice === "email_off" ? <SuccessNotice text={notice === "email_on" ? m.settings_forum_email_saved_on() : m.settings_forum_email_saved_off()} /> : null}
      <EmailSwitchForm intent="save-email" id="email-forum" name="emailForum" checked={emailForum} describedBy="email-help" label={m.settings_forum_email_label()} />
    </section>
  );
}

/** One e-mail switch with its own save button. Keyed by the stored value, so the switch shows what was saved after each post. */
function EmailSwitchForm(props: { intent: string; id: string; name: string; checked: boolean; describedBy: string; label: string }) {
  return (
    <Form method="post" className="stack" key={String(props.checked)}>
      <CsrfField />
      <input type="hidden" name="intent" value={props.intent} />
      <div className="ds-field">
        <input className="ds-input" type="checkbox" role="switch" id={props.id} name={props.name} defaultChecked={props.checked} aria-describedby={props.describedBy} />
        <label className="ds-label" htmlFor={props.id} data-weight="regular">
          {props.label}
        </label>
      </div>
      <div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {m.settings_forum_email_submit()}
        </button>
      </div>
    </Form>
  );
}

/** Shown to peer moderators only: e-mail that says a report, crisis alert or post for approval waits, and nothing more. */
function ModerationEmailSection({ emailModeration, notice }: { emailModeration: boolean; notice: Notice | null }) {
  return (
    <section className="stack" aria-labelledby="moderation-email-heading">
      <h2 id="moderation-email-heading" className="ds-heading" data-size="md">
        {m.settings_forum_moderation_email_heading()}
      </h2>
      <p className="ds-paragraph" id="moderation-email-help">
        {m.settings_forum_moderation_email_body()}
      </p>
      {notice === "moderation_email_on" || notice === "moderation_email_off" ? (
        <SuccessNotice text={notice === "moderation_email_on" ? m.settings_forum_moderation_email_saved_on() : m.settings_forum_moderation_email_saved_off()} />
      ) : null}
      <EmailSwitchForm
        intent="save-moderation-email"
        id="email-moderation"
        name="emailModeration"
        checked={emailModeration}
        describedBy="moderation-email-help"
        label={m.settings_forum_moderation_email_label()}
      />
    </section>
  );
}

export default function SettingsForum({ loaderData, actionData }: Route.ComponentProps) {
  const { words, categories, emailForum, emailModeration, hasEmailAddress, mailEnabled, notice } = loaderData;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.settings_forum_title()}
      </h1>
      <p className="ds-paragraph">{m.settings_forum_intro()}</p>
      <p className="ds-paragraph">
        <Link to="/settings" className="ds-link">
          {m.settings_forum_back()}
        </Link>
      </p>

      <MutedWordsSection words={words} notice={notice} actionData={actionData} />
      <MutedCategoriesSection categories={categories} saved={notice === "categories_saved"} />
      <EmailSection emailForum={emailForum} hasEmailAddress={hasEmailAddress} mailEnabled={mailEnabled} notice={notice} />
      {emailModeration === null ? null : <ModerationEmailSection emailModeration={emailModeration} notice={notice} />}
    </>
  );
}

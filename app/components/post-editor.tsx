import { useEffect, useRef, useState, type ReactNode } from "react";
import { Form, useNavigation } from "react-router";

import { CrisisHelpPanel, type CrisisHelpPanelText } from "~/components/crisis-help-panel";
import { CsrfField } from "~/components/csrf-field";
import { IdentityGuardFindings, type IdentityGuardReasons } from "~/components/identity-guard-findings";
import { m } from "~/paraglide/messages";
import type { IdentifyingDetail } from "../../server/forum/identity-guard/find-identifying-details";
import type { PostFieldErrors } from "../../server/forum/post-input";

export type PostFieldErrorTexts = Partial<Record<keyof PostFieldErrors, string>>;

export interface PostEditorLimits {
  titleMax: number;
  bodyMax: number;
  contentWarningMax: number;
}

/** The editor's wording, made on the server in the request's language, so the browser bundle carries one language instead of three. */
export interface PostEditorText {
  titleLabel: string;
  bodyLabel: string;
  bodyHelp: string;
  contentWarningLabel: string;
  contentWarningHelp: string;
  checkAgain: string;
  publishAnyway: string;
  saveDraft: string;
  draftRestored: string;
  draftSaved: string;
}

export interface PostEditorValues {
  title: string;
  body: string;
  contentWarning: string;
}

/** The outcome of the editor's last submit, for the page to show. The typed values come back, so nothing is lost. */
export interface PostEditorState {
  values: PostEditorValues;
  /** Error texts per field, worded on the server in the request's language so the browser bundle carries none. */
  errors?: PostFieldErrorTexts;
  /** Details the identity guard found; the member may edit or publish anyway. */
  findings?: IdentifyingDetail[];
  titleFindings?: IdentifyingDetail[];
  warningFindings?: IdentifyingDetail[];
  guardReasons?: IdentityGuardReasons;
  /** Help for a writer whose text has crisis language, shown when the identity guard stopped it before publishing. */
  crisisHelp?: CrisisHelpPanelText;
  draftSaved?: boolean;
}

const DRAFT_SAVE_DELAY_MS = 1500;


/**
 * Render the writing form for a new thread, a reply or an edit. It posts to
 * its own page with intent `publish`. The server runs the identity guard, and
 * when it finds something it returns the text with the findings, so the
 * member can edit or publish anyway. With JavaScript the draft is saved as they type;
 * without it, the "save draft" button does the same.
 */
export function PostEditor(props: {
  id: string;
  heading: string;
  draftKey: string;
  idempotencyKey?: string;
  withTitle: boolean;
  defaults: PostEditorValues;
  state?: PostEditorState;
  limits: PostEditorLimits;
  submitLabel: string;
  text: PostEditorText;
  hiddenFields?: Record<string, string>;
  /** More fields of the same form, shown after the text fields, such as the moderator's "pin" checkbox. */
  extraFields?: ReactNode;
  draftSavedAt?: string | null;
}) {
  const { id, state, limits } = props;
  const values = state?.values ?? props.defaults;
  const errors = state?.errors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const draftStatus = useDraftAutosave(formRef, props.draftKey, props.text.draftSaved);
  useResetAfterPublish(formRef, state);
  const guardFound = Boolean(state?.findings?.length || state?.titleFindings?.length || state?.warningFindings?.length);
  const titleError = errors.title;
  const bodyError = errors.body;
  const warningError = errors.contentWarning;
  const formError = errors.form;

  return (
    <section className="stack post-editor" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="ds-heading" data-size="sm">
        {props.heading}
      </h2>
      {formError ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{formError}</p>
        </div>
      ) : null}
      {state?.crisisHelp ? <CrisisHelpPanel id={`${id}-crisis`} text={state.crisisHelp} /> : null}
      {state?.titleFindings && state.titleFindings.length > 0 ? <IdentityGuardFindings text={values.title} details={state.titleFindings} reasons={state.guardReasons ?? {}} /> : null}
      {state?.findings && state.findings.length > 0 ? <IdentityGuardFindings text={values.body} details={state.findings} reasons={state.guardReasons ?? {}} /> : null}
      {state?.warningFindings && state.warningFindings.length > 0 ? <IdentityGuardFindings text={values.contentWarning} details={state.warningFindings} reasons={state.guardReasons ?? {}} /> : null}
      {/* Keyed by the returned values, so a server answer replaces what the fields show. */}
      <Form method="post" className="stack" ref={formRef} key={state ? JSON.stringify(state.values) : "initial"}>
        <CsrfField />
        <input type="hidden" name="draftKey" value={props.draftKey} />
        {props.idempotencyKey ? <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} /> : null}
        {Object.entries(props.hiddenFields ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {props.withTitle ? (
          <div className="ds-field">
            <label className="ds-label" htmlFor={`${id}-title`}>
              {props.text.titleLabel}
            </label>
            <input
              className="ds-input"
              id={`${id}-title`}
              name="title"
              defaultValue={values.title}
              maxLength={limits.titleMax * 2}
              aria-invalid={titleError ? true : undefined}
              aria-describedby={titleError ? `${id}-title-error` : undefined}
              autoComplete="off"
            />
            {titleError ? (
              <p className="ds-validation-message" id={`${id}-title-error`}>
                {titleError}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="ds-field">
          <label className="ds-label" htmlFor={`${id}-body`}>
            {props.text.bodyLabel}
          </label>
          <p className="ds-paragraph" data-size="sm" id={`${id}-body-help`}>
            {props.text.bodyHelp}
          </p>
          <textarea
            className="ds-input"
            id={`${id}-body`}
            name="body"
            rows={8}
            defaultValue={values.body}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={[`${id}-body-help`, bodyError ? `${id}-body-error` : null].filter(Boolean).join(" ")}
            suppressHydrationWarning
          />
          {bodyError ? (
            <p className="ds-validation-message" id={`${id}-body-error`}>
              {bodyError}
            </p>
          ) : null}
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor={`${id}-warning`}>
            {props.text.contentWarningLabel}
          </label>
          <p className="ds-paragraph" data-size="sm" id={`${id}-warning-help`}>
            {props.text.contentWarningHelp}
          </p>
          <input
            className="ds-input"
            id={`${id}-warning`}
            name="contentWarning"
            defaultValue={values.contentWarning}
            aria-invalid={warningError ? true : undefined}
            aria-describedby={[`${id}-warning-help`, warningError ? `${id}-warning-error` : null].filter(Boolean).join(" ")}
            autoComplete="off"
          />
          {warningError ? (
            <p className="ds-validation-message" id={`${id}-warning-error`}>
              {warningError}
            </p>
          ) : null}
        </div>
        {props.extraFields}
        <p className="ds-paragraph" data-size="sm" role="status">
          {draftStatusText(props.text, draftStatus, state, props.draftSavedAt)}
        </p>
        <div className="button-row">
          {/* Enter in a field submits with the first button, so the checked path comes before "publish anyway". */}
          <button type="submit" name="intent" value="publish" className="ds-button" data-variant="primary">
            {guardFound ? props.text.checkAgain : props.submitLabel}
          </button>
          {guardFound ? (
            <button type="submit" name="intent" value="publish-anyway" className="ds-button" data-variant="secondary">
              {props.text.publishAnyway}
            </button>
          ) : null}
          <button type="submit" name="intent" value="save-draft" className="ds-button" data-variant="tertiary">
            {props.text.saveDraft}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** Choose the line the editor's live region shows about the draft: the latest autosave first, then a saved or restored draft. */
function draftStatusText(text: PostEditorText, autosaveStatus: string | null, state: PostEditorState | undefined, draftSavedAt: string | null | undefined): string {
  if (autosaveStatus) return autosaveStatus;
  if (state?.draftSaved) return text.draftSaved;
  if (draftSavedAt) return text.draftRestored;
  return "";
}

/**
 * Empty the form once a publish succeeded. The page redirects to the new post
 * on the same route, so the form stays mounted and would otherwise keep the
 * published text, ready to be sent twice. A failed publish returns editor
 * state, and the typed text stays.
 */
function useResetAfterPublish(formRef: React.RefObject<HTMLFormElement | null>, state: PostEditorState | undefined) {
  const navigation = useNavigation();
  const publishing = useRef(false);

  useEffect(() => {
    const intent = navigation.formData?.get("intent");
    if (navigation.state === "submitting" && (intent === "publish" || intent === "publish-anyway")) publishing.current = true;
    if (navigation.state !== "idle" || !publishing.current) return;

    publishing.current = false;
    if (!state) formRef.current?.reset();
  }, [navigation.state, navigation.formData, formRef, state]);
}

/**
 * Save the form's fields as a draft a moment after the member stops typing.
 * Returns a status line for the live region, or null before the first save.
 */
function useDraftAutosave(formRef: React.RefObject<HTMLFormElement | null>, draftKey: string, savedText: string): string | null {
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const save = async () => {
      const body = new FormData(form);
      body.set("draftKey", draftKey);
      try {
        const response = await fetch("/forum/drafts", { method: "POST", body, headers: { Accept: "application/json" } });
        setStatus(response.ok ? savedText : m.forum_editor_draft_not_saved());
      } catch {
        setStatus(m.forum_editor_draft_not_saved());
      }
    };
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(save, DRAFT_SAVE_DELAY_MS);
    };

    // A save still waiting when the member publishes would bring the published text back as a draft.
    const onSubmit = () => clearTimeout(timer);

    form.addEventListener("input", onInput);
    form.addEventListener("submit", onSubmit);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", onInput);
      form.removeEventListener("submit", onSubmit);
    };
  }, [formRef, draftKey, savedText]);

  return status;
}

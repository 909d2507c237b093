import { Form } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import type { PseudonymErrorCode } from "../../server/identity/choose-pseudonym";

/** The length limits of a pseudonym, passed from the loader so the browser bundle needs no validation library. */
export interface PseudonymLimits {
  min: number;
  max: number;
}

/** The outcome of the last pseudonym form post, for the page to show. */
export interface PseudonymFormState {
  /** The pseudonym as typed, so nothing is lost on an error or a warning. */
  value: string;
  error?: PseudonymErrorCode | "pseudonym_taken";
  /** True when the pseudonym looks like the person's real name. The name itself is never sent. */
  resemblesName?: boolean;
  suggestions?: string[];
}

// Inline, because this layout is only used here and the stylesheet is shared.
const buttonRow = { display: "flex", flexWrap: "wrap", gap: "var(--ds-size-2)", listStyle: "none", margin: 0, padding: 0 } as const;

function errorText(code: PseudonymFormState["error"], limits: PseudonymLimits): string | undefined {
  switch (code) {
    case undefined:
      return undefined;
    case "pseudonym_too_short":
      return m.profile_pseudonym_too_short({ min: limits.min });
    case "pseudonym_too_long":
      return m.profile_pseudonym_too_long({ max: limits.max });
    case "pseudonym_invalid_characters":
      return m.profile_pseudonym_invalid_characters();
    case "pseudonym_taken":
      return m.profile_pseudonym_taken();
  }
}

/**
 * Render the pseudonym field with its errors, the "looks like your name"
 * warning and free suggestions. Every part is a plain form post, so it works
 * without JavaScript.
 */
export function PseudonymForm(props: {
  intent: string;
  submitLabel: string;
  limits: PseudonymLimits;
  state?: PseudonymFormState;
  defaultValue?: string;
  suggestions: string[];
}) {
  const { state, limits } = props;
  const error = errorText(state?.error, limits);
  const suggestions = state?.suggestions ?? props.suggestions;
  const describedBy = ["pseudonym-help", error ? "pseudonym-error" : null].filter(Boolean).join(" ");

  return (
    <div className="stack">
      {state?.resemblesName ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <h3 className="ds-heading" data-size="xs">
            {m.profile_pseudonym_resembles_heading()}
          </h3>
          <p className="ds-paragraph">{m.profile_pseudonym_resembles_body({ pseudonym: state.value })}</p>
          <Form method="post" style={buttonRow}>
            <CsrfField />
            <input type="hidden" name="intent" value={props.intent} />
            <input type="hidden" name="pseudonym" value={state.value} />
            <input type="hidden" name="confirm" value="yes" />
            {/* Choosing another pseudonym is the safer path, so it is the primary action and comes first. */}
            <a className="ds-button" data-variant="primary" href="#pseudonym">
              {m.profile_pseudonym_choose_another()}
            </a>
            <button type="submit" className="ds-button" data-variant="secondary">
              {m.profile_pseudonym_use_anyway()}
            </button>
          </Form>
        </div>
      ) : null}

      {/* Keyed by the submitted value, so a new answer from the server resets the field to what was sent. */}
      <Form method="post" className="stack" key={state?.value ?? ""} noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value={props.intent} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="pseudonym">
            {m.profile_pseudonym_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="pseudonym-help">
            {m.profile_pseudonym_help({ min: limits.min, max: limits.max })}
          </p>
          <input
            className="ds-input"
            id="pseudonym"
            name="pseudonym"
            type="text"
            required
            minLength={limits.min}
            maxLength={limits.max}
            autoComplete="off"
            spellCheck={false}
            defaultValue={state?.value ?? props.defaultValue ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          {error ? (
            <p className="ds-validation-message" id="pseudonym-error">
              {error}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {props.submitLabel}
          </button>
        </div>
      </Form>

      {suggestions.length > 0 ? (
        <Form method="post" className="stack" aria-labelledby="pseudonym-suggestions-heading">
          <CsrfField />
          <input type="hidden" name="intent" value={props.intent} />
          <h3 id="pseudonym-suggestions-heading" className="ds-heading" data-size="xs">
            {m.profile_pseudonym_suggestions()}
          </h3>
          <ul style={buttonRow}>
            {suggestions.map((suggestion) => (
              <li key={suggestion}>
                <button type="submit" name="pseudonym" value={suggestion} className="ds-button" data-variant="secondary" data-size="sm">
                  {m.profile_pseudonym_use_suggestion({ pseudonym: suggestion })}
                </button>
              </li>
            ))}
          </ul>
        </Form>
      ) : null}
    </div>
  );
}

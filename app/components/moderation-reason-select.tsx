import type { ModeratorReason } from "../../server/moderation/reason-codes";

/** A labelled select of moderator reason codes; optional ones start with "no reason". */
export function ModerationReasonSelect(props: {
  id: string;
  label: string;
  options: { value: ModeratorReason; label: string }[];
  emptyLabel: string;
  required?: boolean;
  defaultValue?: string;
  error?: string;
}) {
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        className="ds-input"
        id={props.id}
        name="reason"
        required={props.required}
        defaultValue={props.defaultValue ?? ""}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      >
        <option value="">{props.emptyLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p className="ds-validation-message" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export type InvitationFieldName = "role" | "communityId" | "fullName" | "email";

/** A labelled text input of the invitation form, with its help text and error. */
export function TextField(props: {
  name: InvitationFieldName;
  label: string;
  help?: string;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email";
  maxLength: number;
  autoComplete: string;
}) {
  const id = `invitation-${props.name}`;
  const describedBy = [props.help ? `${id}-help` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {props.label}
      </label>
      {props.help ? (
        <p className="ds-paragraph" data-size="sm" id={`${id}-help`}>
          {props.help}
        </p>
      ) : null}
      <input
        className="ds-input"
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      {props.error ? (
        <p className="ds-validation-message" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select of the invitation form, with its help text and error. */
export function SelectField(props: { name: InvitationFieldName; label: string; help?: string; error?: string; defaultValue: string; children: React.ReactNode }) {
  const id = `invitation-${props.name}`;
  const describedBy = [props.help ? `${id}-help` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {props.label}
      </label>
      {props.help ? (
        <p className="ds-paragraph" data-size="sm" id={`${id}-help`}>
          {props.help}
        </p>
      ) : null}
      <select
        className="ds-input"
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      >
        {props.children}
      </select>
      {props.error ? (
        <p className="ds-validation-message" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

import { Form, Link } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import type { AdminActionData } from "~/routes/admin";

/** Translate a field error code from the communities use cases. */
function communityErrorText(code: string | undefined): string | null {
  switch (code) {
    case undefined:
      return null;
    case "name_missing":
      return m.admin_error_name_missing();
    case "name_too_short":
      return m.admin_error_name_too_short();
    case "name_too_long":
      return m.admin_error_name_too_long();
    case "name_without_letters":
      return m.admin_error_name_without_letters();
    case "municipality_number_invalid":
      return m.admin_error_municipality_number_invalid();
    default:
      return m.error_unexpected_body();
  }
}

export function RenameCommunityForm({
  community,
  actionData,
}: {
  community: { id: string; name: string; slug: string };
  actionData: Extract<AdminActionData, { intent: "rename-community" }> | null;
}) {
  const nameError = communityErrorText(actionData?.errors.name);

  return (
    <section className="ds-card stack" aria-labelledby="rename-heading">
      <h2 id="rename-heading" className="ds-heading" data-size="md">
        {m.admin_rename_heading({ name: community.name })}
      </h2>
      <p className="ds-paragraph">{m.admin_rename_body({ slug: community.slug })}</p>
      {actionData?.formError === "community_not_found" ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{m.admin_error_community_not_found()}</p>
        </div>
      ) : null}
      <Form method="post" action="/admin" className="stack">
        <CsrfField />
        <input type="hidden" name="intent" value="rename-community" />
        <input type="hidden" name="communityId" value={community.id} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="rename-name">
            {m.admin_rename_name_label()}
          </label>
          <input
            className="ds-input"
            id="rename-name"
            name="name"
            type="text"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={actionData?.values.name ?? community.name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "rename-name-error" : undefined}
          />
          {nameError ? (
            <p className="ds-validation-message" id="rename-name-error" data-color="danger">
              {nameError}
            </p>
          ) : null}
        </div>
        <div className="admin-button-row">
          <button type="submit" className="ds-button" data-variant="primary">
            {m.admin_rename_submit()}
          </button>
          <Link to="/admin" className="ds-button" data-variant="tertiary">
            {m.admin_cancel()}
          </Link>
        </div>
      </Form>
    </section>
  );
}

export function CreateCommunityForm({ actionData }: { actionData: Extract<AdminActionData, { intent: "create-community" }> | null }) {
  const nameError = communityErrorText(actionData?.errors.name);
  const numberError = communityErrorText(actionData?.errors.municipalityNumber);

  return (
    <section className="stack" aria-labelledby="create-heading">
      <h2 id="create-heading" className="ds-heading" data-size="md">
        {m.admin_create_heading()}
      </h2>
      {/* The key resets the fields after a successful create, which arrives as a redirect without action data. */}
      <Form method="post" action="/admin" className="stack" key={actionData ? "retry" : "new"}>
        <CsrfField />
        <input type="hidden" name="intent" value="create-community" />
        <div className="ds-field">
          <label className="ds-label" htmlFor="create-name">
            {m.admin_create_name_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="create-name-description">
            {m.admin_create_name_description()}
          </p>
          <input
            className="ds-input"
            id="create-name"
            name="name"
            type="text"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={actionData?.values.name ?? ""}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "create-name-description create-name-error" : "create-name-description"}
          />
          {nameError ? (
            <p className="ds-validation-message" id="create-name-error" data-color="danger">
              {nameError}
            </p>
          ) : null}
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="create-municipality-number">
            {m.admin_create_municipality_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="create-municipality-number-description">
            {m.admin_create_municipality_description()}
          </p>
          <input
            className="ds-input"
            id="create-municipality-number"
            name="municipalityNumber"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            size={6}
            defaultValue={actionData?.values.municipalityNumber ?? ""}
            aria-invalid={numberError ? true : undefined}
            aria-describedby={numberError ? "create-municipality-number-description create-municipality-number-error" : "create-municipality-number-description"}
          />
          {numberError ? (
            <p className="ds-validation-message" id="create-municipality-number-error" data-color="danger">
              {numberError}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {m.admin_create_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}

import { Form, Link } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import type { AdminActionData } from "~/routes/admin";
import { COMMUNITY_NAME_MAX_LENGTH, MUNICIPALITY_NUMBER_MAX, MUNICIPALITY_NUMBER_MIN } from "../../server/communities/community-limits";

/**
 * Translate a field error code from the communities use cases. `takenBy` is
 * the community that already has the value, and `typed` what the person typed.
 */
function communityErrorText(code: string | undefined, details: { takenBy?: string; typed?: string } = {}): string | null {
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
    case "name_taken":
      return details.takenBy ? m.admin_error_name_taken({ name: details.takenBy }) : m.admin_error_name_taken_unnamed();
    case "municipality_number_invalid":
      return m.admin_error_municipality_number_invalid();
    case "municipality_number_out_of_range":
      return m.admin_error_municipality_number_out_of_range({ number: details.typed?.trim() ?? "", min: MUNICIPALITY_NUMBER_MIN, max: MUNICIPALITY_NUMBER_MAX });
    case "municipality_number_taken":
      return details.takenBy ? m.admin_error_municipality_number_taken({ name: details.takenBy }) : m.admin_error_municipality_number_taken_unnamed();
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
  const nameError = communityErrorText(actionData?.errors.name, { takenBy: actionData?.takenBy?.name });

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
      {/* noValidate: the server checks every field and answers in the page's language, where the browser would use its own. */}
      <Form method="post" action="/admin" className="stack" noValidate>
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
            maxLength={COMMUNITY_NAME_MAX_LENGTH}
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

export function CreateCommunityForm({
  actionData,
  createdCommunityId,
}: {
  actionData: Extract<AdminActionData, { intent: "create-community" }> | null;
  /** The community the last successful create made, from the redirect's query. */
  createdCommunityId: string | null;
}) {
  const nameError = communityErrorText(actionData?.errors.name, { takenBy: actionData?.takenBy?.name });
  const numberError = communityErrorText(actionData?.errors.municipalityNumber, {
    takenBy: actionData?.takenBy?.municipalityNumber,
    typed: actionData?.values.municipalityNumber,
  });

  return (
    <section className="stack" aria-labelledby="create-heading">
      <h2 id="create-heading" className="ds-heading" data-size="md">
        {m.admin_create_heading()}
      </h2>
      {/*
        A successful create redirects with the new community's id, which differs
        every time, so the key remounts the form and empties its fields even after
        two creates in a row. After an error the fields keep what was typed.
      */}
      <Form method="post" action="/admin" className="stack" noValidate key={actionData ? "retry" : `created-${createdCommunityId ?? "none"}`}>
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
            maxLength={COMMUNITY_NAME_MAX_LENGTH}
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

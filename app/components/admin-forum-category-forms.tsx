import { Form, Link } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import type { AdminForumActionData, ForumCategoryFormValues } from "~/routes/admin-forum";
import type { ForumCategoryHolder, ForumCategoryTakenBy } from "../../server/forum/find-forum-category-conflicts";
import type { ForumCategoryErrorCode, ForumCategoryField, ForumCategoryFieldErrors } from "../../server/forum/forum-category-fields";
import {
  FORUM_CATEGORY_DESCRIPTION_MAX_LENGTH,
  FORUM_CATEGORY_NAME_MAX_LENGTH,
  FORUM_CATEGORY_NAME_MIN_LENGTH,
  FORUM_CATEGORY_POSITION_MAX,
  FORUM_CATEGORY_POSITION_MIN,
} from "../../server/forum/forum-category-limits";

type CreateActionData = Extract<AdminForumActionData, { intent: "create-category" }>;
type UpdateActionData = Extract<AdminForumActionData, { intent: "update-category" }>;

/** Translate a field error code from the category use cases. `holder` is the category that already has the name. */
export function forumCategoryErrorText(code: ForumCategoryErrorCode | undefined, holder?: ForumCategoryHolder): string | null {
  switch (code) {
    case undefined:
      return null;
    case "name_missing":
      return m.admin_forum_error_name_missing();
    case "name_too_short":
      return m.admin_forum_error_name_too_short({ min: FORUM_CATEGORY_NAME_MIN_LENGTH });
    case "name_too_long":
      return m.admin_forum_error_name_too_long({ max: FORUM_CATEGORY_NAME_MAX_LENGTH });
    case "name_without_letters":
      return m.admin_forum_error_name_without_letters();
    case "name_taken":
      if (!holder) return m.admin_forum_error_name_taken_unnamed();
      return holder.archived ? m.admin_forum_error_name_taken_archived({ name: holder.name }) : m.admin_forum_error_name_taken({ name: holder.name });
    case "description_too_long":
      return m.admin_forum_error_description_too_long({ max: FORUM_CATEGORY_DESCRIPTION_MAX_LENGTH });
    case "description_invalid":
      return m.admin_forum_error_description_invalid();
    case "position_missing":
      return m.admin_forum_error_position_missing();
    case "position_invalid":
      return m.admin_forum_error_position_invalid();
    case "position_out_of_range":
      return m.admin_forum_error_position_out_of_range({ min: FORUM_CATEGORY_POSITION_MIN, max: FORUM_CATEGORY_POSITION_MAX });
  }
}

const languageFields = [
  { name: "nameNb", description: "descriptionNb", nameLabel: () => m.admin_forum_name_nb_label(), descriptionLabel: () => m.admin_forum_description_nb_label() },
  { name: "nameNn", description: "descriptionNn", nameLabel: () => m.admin_forum_name_nn_label(), descriptionLabel: () => m.admin_forum_description_nn_label() },
  { name: "nameEn", description: "descriptionEn", nameLabel: () => m.admin_forum_name_en_label(), descriptionLabel: () => m.admin_forum_description_en_label() },
] as const;

/**
 * Render one labelled field with its help text and error. The error follows the
 * input and is named in `aria-describedby`, so screen readers read it with the field.
 */
function CategoryField({
  id,
  name,
  label,
  help,
  error,
  children,
}: {
  id: string;
  name: ForumCategoryField;
  label: string;
  help: string;
  error: string | null;
  children: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby": string }) => React.ReactNode;
}) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;

  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {label}
      </label>
      <p className="ds-paragraph" data-size="sm" id={helpId}>
        {help}
      </p>
      {children({ id, name, ...(error ? { "aria-invalid": true } : {}), "aria-describedby": error ? `${helpId} ${errorId}` : helpId })}
      {error ? (
        <p className="ds-validation-message" id={errorId} data-color="danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Render the name, description and position fields of a category, shared by the create and edit forms. */
function ForumCategoryFields({
  idPrefix,
  values,
  errors,
  takenBy,
  positionHelp,
}: {
  idPrefix: string;
  values: Partial<ForumCategoryFormValues>;
  errors: ForumCategoryFieldErrors;
  takenBy: ForumCategoryTakenBy;
  positionHelp: string;
}) {
  return (
    <>
      {languageFields.map((language) => (
        <div key={language.name} className="stack">
          <CategoryField
            id={`${idPrefix}-${language.name}`}
            name={language.name}
            label={language.nameLabel()}
            help={m.admin_forum_name_description({ min: FORUM_CATEGORY_NAME_MIN_LENGTH, max: FORUM_CATEGORY_NAME_MAX_LENGTH })}
            error={forumCategoryErrorText(errors[language.name], takenBy[language.name])}
          >
            {(props) => (
              <input className="ds-input" type="text" required maxLength={FORUM_CATEGORY_NAME_MAX_LENGTH} autoComplete="off" defaultValue={values[language.name] ?? ""} {...props} />
            )}
          </CategoryField>
          <CategoryField
            id={`${idPrefix}-${language.description}`}
            name={language.description}
            label={language.descriptionLabel()}
            help={m.admin_forum_description_description({ max: FORUM_CATEGORY_DESCRIPTION_MAX_LENGTH })}
            error={forumCategoryErrorText(errors[language.description])}
          >
            {(props) => (
              // Multiline fields need suppressHydrationWarning, or hydration reports a mismatch on their text.
              <textarea className="ds-input" rows={2} maxLength={FORUM_CATEGORY_DESCRIPTION_MAX_LENGTH} defaultValue={values[language.description] ?? ""} suppressHydrationWarning {...props} />
            )}
          </CategoryField>
        </div>
      ))}
      <CategoryField id={`${idPrefix}-position`} name="position" label={m.admin_forum_position_label()} help={positionHelp} error={forumCategoryErrorText(errors.position)}>
        {(props) => <input className="ds-input" type="text" inputMode="numeric" autoComplete="off" size={6} defaultValue={values.position ?? ""} {...props} />}
      </CategoryField>
    </>
  );
}

export function EditForumCategoryForm({
  category,
  actionData,
}: {
  category: ForumCategoryFormValues & { id: string; slug: string; displayName: string };
  actionData: UpdateActionData | null;
}) {
  return (
    <section className="ds-card stack" aria-labelledby="edit-heading">
      <h2 id="edit-heading" className="ds-heading" data-size="md">
        {m.admin_forum_edit_heading({ name: category.displayName })}
      </h2>
      <p className="ds-paragraph">{m.admin_forum_edit_body({ slug: category.slug })}</p>
      {actionData?.formError === "category_not_found" ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{m.admin_forum_error_category_not_found()}</p>
        </div>
      ) : null}
      {/* noValidate: the server checks every field and answers in the page's language, where the browser would use its own. */}
      <Form method="post" action="/admin/forum" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="update-category" />
        <input type="hidden" name="categoryId" value={category.id} />
        <ForumCategoryFields
          idPrefix="edit"
          values={actionData?.values ?? category}
          errors={actionData?.errors ?? {}}
          takenBy={actionData?.takenBy ?? {}}
          positionHelp={m.admin_forum_position_description({ min: FORUM_CATEGORY_POSITION_MIN, max: FORUM_CATEGORY_POSITION_MAX })}
        />
        <div className="admin-button-row">
          <button type="submit" className="ds-button" data-variant="primary">
            {m.admin_forum_edit_submit()}
          </button>
          <Link to="/admin/forum" className="ds-button" data-variant="tertiary">
            {m.admin_cancel()}
          </Link>
        </div>
      </Form>
    </section>
  );
}

export function CreateForumCategoryForm({
  actionData,
  createdCategoryId,
}: {
  actionData: CreateActionData | null;
  /** The category the last successful create made, from the redirect's query. */
  createdCategoryId: string | null;
}) {
  return (
    <section className="stack" aria-labelledby="create-heading">
      <h2 id="create-heading" className="ds-heading" data-size="md">
        {m.admin_forum_create_heading()}
      </h2>
      <p className="ds-paragraph">{m.admin_forum_create_body()}</p>
      {/*
        A successful create redirects with the new category's id, which differs
        every time, so the key remounts the form and empties its fields even after
        two creates in a row. After an error the fields keep what was typed.
      */}
      <Form method="post" action="/admin/forum" className="stack" noValidate key={actionData ? "retry" : `created-${createdCategoryId ?? "none"}`}>
        <CsrfField />
        <input type="hidden" name="intent" value="create-category" />
        <ForumCategoryFields
          idPrefix="create"
          values={actionData?.values ?? {}}
          errors={actionData?.errors ?? {}}
          takenBy={actionData?.takenBy ?? {}}
          positionHelp={m.admin_forum_position_description_create({ min: FORUM_CATEGORY_POSITION_MIN, max: FORUM_CATEGORY_POSITION_MAX })}
        />
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {m.admin_forum_create_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}

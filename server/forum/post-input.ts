import { z } from "zod";

export const THREAD_TITLE_MIN_LENGTH = 3;
export const THREAD_TITLE_MAX_LENGTH = 120;
export const POST_BODY_MAX_LENGTH = 10_000;
export const CONTENT_WARNING_MAX_LENGTH = 100;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export const threadTitleSchema = z
  .string({ message: "title_missing" })
  .trim()
  .min(1, { message: "title_missing" })
  .min(THREAD_TITLE_MIN_LENGTH, { message: "title_too_short" })
  .max(THREAD_TITLE_MAX_LENGTH, { message: "title_too_long" });

export const postBodySchema = z
  .string({ message: "body_missing" })
  // Trailing spaces can end a Markdown hard line break, so only blank lines at the edges go.
  .transform((body) => body.replace(/\r\n?/g, "\n").replace(/^\s*\n|\n\s*$/g, ""))
  .pipe(z.string().refine((body) => body.trim().length > 0, { message: "body_missing" }).pipe(z.string().max(POST_BODY_MAX_LENGTH, { message: "body_too_long" })));

/** Empty means no warning. */
export const contentWarningSchema = z
  .string()
  .optional()
  .transform((warning) => warning?.trim() || null)
  .pipe(z.string().max(CONTENT_WARNING_MAX_LENGTH, { message: "content_warning_too_long" }).nullable());

/** A random key the form carries, so a resubmitted form finds the post it already created. */
export const idempotencyKeySchema = z.string({ message: "form_expired" }).regex(IDEMPOTENCY_KEY_PATTERN, { message: "form_expired" });

export type PostFieldErrors = Partial<Record<"title" | "body" | "contentWarning" | "form", string>>;

/** Map Zod issues to one stable error code per field; the UI owns the words. */
export function postFieldErrors(error: z.ZodError): PostFieldErrors {
  const errors: PostFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] === "idempotencyKey" ? "form" : (issue.path[0] as keyof PostFieldErrors);
    errors[field] ??= issue.message;
  }
  return errors;
}

import { data, redirect } from "react-router";

import { setLocale } from "../../server/identity/set-locale";
import { safeReturnPath } from "../../server/identity/return-path";
import { isLocale } from "../../server/identity/roles";
import { cookieHeader } from "../../server/platform/cookies";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from "../../server/platform/locale";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/language";

// Public: signed-out visitors choose a language too. A plain form post, so it works without JavaScript.
export async function action({ request, context }: Route.ActionArgs) {
  const { actor, portal } = context.get(requestContext);
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isLocale(locale)) throw data({ code: "invalid_locale" }, { status: 400 });

  await setLocale(portal.db, actor, locale);
  return redirect(safeReturnPath(form.get("returnTo")), {
    headers: { "Set-Cookie": cookieHeader(LOCALE_COOKIE, locale, { secure: portal.config.https, maxAgeSeconds: LOCALE_COOKIE_MAX_AGE_SECONDS }) },
  });
}

export function loader() {
  throw data({ code: "not_found" }, { status: 404 });
}

import { data, Form, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { requireSignedIn } from "~/route-guards.server";
import { isPaused } from "../../server/identity/actor";
import { resumeAccount } from "../../server/identity/resume-account";
import { safeReturnPath } from "../../server/identity/return-path";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/welcome-back";

export function meta() {
  return [{ title: `${m.welcome_back_title()} – ReConnect` }];
}

/**
 * The one page a person back from a break sees until they confirm; the root
 * middleware sends every other page here. Anyone not paused goes on to where
 * they were heading.
 */
export function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireSignedIn(context, request);
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get("returnTo"));
  if (!isPaused(actor)) throw redirect(returnTo);
  return { returnTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireSignedIn(context, request);
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  if (form.get("intent") !== "resume") throw data({ code: "invalid_intent" }, { status: 400 });

  const result = await resumeAccount(portal.db, actor);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "resumed") log.info({ accountId: actor.accountId }, "account.resumed");
  return redirect(safeReturnPath(form.get("returnTo")));
}

export default function WelcomeBack({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.welcome_back_title()}
      </h1>
      <p className="ds-paragraph">{m.welcome_back_intro()}</p>
      <p className="ds-paragraph">{m.welcome_back_confirm_body()}</p>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="resume" />
        <input type="hidden" name="returnTo" value={loaderData.returnTo} />
        <button type="submit" className="ds-button" data-variant="primary">
          {m.welcome_back_confirm()}
        </button>
      </Form>

      <p className="ds-paragraph">{m.welcome_back_not_now_body()}</p>
      <Form method="post" action="/sign-out">
        <CsrfField />
        <button type="submit" className="ds-button" data-variant="secondary">
          {m.welcome_back_sign_out()}
        </button>
      </Form>
    </>
  );
}

import { data, Form, redirect } from "react-router";
import { z } from "zod";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { completeSignIn } from "~/sign-in-response.server";
import { roleLabel } from "~/role-label";
import { safeReturnPath } from "../../server/identity/return-path";
import { isActiveDemoAccount, listDemoPeople } from "../../server/identity/sign-in-as-demo";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/sign-in-demo";

export function meta() {
  return [{ title: `${m.sign_in_demo_heading()} – ReConnect` }];
}

// Public, unauthenticated, and served only in demo mode (never when NODE_ENV is production).
export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, portal } = context.get(requestContext);
  if (!portal.demo) throw data({ code: "not_found" }, { status: 404 });
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get("returnTo"));
  if (actor.kind === "person") throw redirect(returnTo);

  return { returnTo, people: await listDemoPeople(portal.db, portal.keys) };
}

const demoSignInForm = z.object({ accountId: z.uuid(), returnTo: z.string().optional() });

export async function action({ request, context }: Route.ActionArgs) {
  const state = context.get(requestContext);
  if (!state.portal.demo) throw data({ code: "not_found" }, { status: 404 });

  const parsed = demoSignInForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success || !(await isActiveDemoAccount(state.portal.db, parsed.data.accountId))) {
    throw data({ code: "not_found" }, { status: 404 });
  }
  return completeSignIn(state, { accountId: parsed.data.accountId, method: "demo", returnTo: parsed.data.returnTo });
}

export default function DemoSignIn({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.sign_in_demo_heading()}
      </h1>
      <div className="ds-alert" data-color="warning">
        <p className="ds-paragraph">{m.sign_in_demo_warning()}</p>
      </div>
      <ul className="card-list">
        {loaderData.people.map((person) => (
          <li key={person.accountId} className="ds-card">
            <Form method="post" className="demo-person">
              <CsrfField />
              <input type="hidden" name="accountId" value={person.accountId} />
              <input type="hidden" name="returnTo" value={loaderData.returnTo} />
              <p className="ds-paragraph">
                <strong>{person.displayName}</strong> – {person.roles.map(roleLabel).join(", ")}
              </p>
              <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" aria-label={m.sign_in_demo_as_label({ name: person.displayName })}>
                {m.sign_in_demo_as()}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}

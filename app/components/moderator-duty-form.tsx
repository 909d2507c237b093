import { Form } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";

/**
 * Show whether the moderator is on duty, with one button to change it. It
 * posts to /moderation/duty, which sends the browser back to `returnTo`, so
 * it works without JavaScript on any moderation page.
 */
export function ModeratorDutyForm(props: { onDuty: boolean; returnTo: string }) {
  return (
    <section className="stack" aria-labelledby="moderator-duty-heading">
      <h2 id="moderator-duty-heading" className="ds-heading" data-size="sm">
        {m.moderation_duty_heading()}
      </h2>
      <p className="ds-paragraph">
        <strong>{props.onDuty ? m.moderation_duty_on() : m.moderation_duty_off()}</strong>
      </p>
      <p className="ds-paragraph" data-size="sm">
        {m.moderation_duty_help()}
      </p>
      <Form method="post" action="/moderation/duty">
        <CsrfField />
        <input type="hidden" name="returnTo" value={props.returnTo} />
        <input type="hidden" name="onDuty" value={props.onDuty ? "off" : "on"} />
        <button type="submit" className="ds-button" data-variant={props.onDuty ? "secondary" : "primary"}>
          {props.onDuty ? m.moderation_duty_end() : m.moderation_duty_start()}
        </button>
      </Form>
    </section>
  );
}

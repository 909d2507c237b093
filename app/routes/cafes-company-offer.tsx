import { data, Form, Link, redirect } from "react-router";

import { cafePaths } from "~/cafe-paths";
import { forumPaths } from "~/forum-paths";
import { CsrfField } from "~/components/csrf-field";
import { IdentityGuardFindings, type IdentityGuardReasons } from "~/components/identity-guard-findings";
import { formatDateTime } from "~/format-date";
import { identityGuardReasons } from "~/identity-guard-reasons.server";
import { m } from "~/paraglide/messages";
import { newIdempotencyKey } from "~/post-submission.server";
import { requirePermission } from "~/route-guards.server";
import { acceptCompanyOffer } from "../../server/cafes/accept-company-offer";
import { closeCompanyOffer } from "../../server/cafes/close-company-offer";
import { COMPANY_MESSAGE_MAX_LENGTH } from "../../server/cafes/company-access";
import { getCompanyOffer } from "../../server/cafes/get-company-offer";
import { withdrawCompanyAcceptance } from "../../server/cafes/withdraw-company-acceptance";
import { writeCompanyMessage } from "../../server/cafes/write-company-message";
import { findIdentifyingDetails, type IdentifyingDetail } from "../../server/forum/identity-guard/find-identifying-details";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafes-company-offer";
import { companyErrorText, companyOfferHeading, companySeatsText } from "./cafes-company-labels";

export function meta() {
  return [{ title: `${m.cafe_company_title()} – ReConnect` }];
}

const notices = ["created", "exists", "accepted", "withdrawn", "closed", "full", "offer_closed", "sent"] as const;
type Notice = (typeof notices)[number];

export type CompanyOfferActionData = {
  body: string;
  idempotencyKey: string;
  error?: string;
  findings?: IdentifyingDetail[];
  guardReasons?: IdentityGuardReasons;
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal, locale } = context.get(requestContext);
  const result = await getCompanyOffer(portal.db, actor, params.offerId, portal.clock.now());
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const noticeParam = new URL(request.url).searchParams.get("notice");
  const notice = notices.find((candidate) => candidate === noticeParam) ?? null;
  return { locale, result, notice, idempotencyKey: newIdempotencyKey() };
}

function noticeRedirect(offerId: string, notice: Notice, anchor = "offer-heading") {
  return redirect(`${cafePaths.companyOffer(offerId)}?notice=${notice}#${anchor}`);
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal } = context.get(requestContext);
  const form = await request.formData();
  const now = portal.clock.now();
  const offerId = params.offerId;

  switch (form.get("intent")) {
    case "send":
    case "send-anyway": {
      const body = typeof form.get("body") === "string" ? (form.get("body") as string) : "";
      const idempotencyKey = typeof form.get("idempotencyKey") === "string" ? (form.get("idempotencyKey") as string) : newIdempotencyKey();
      // The guard reads the text only to point at details; nothing it finds is stored or logged.
      if (form.get("intent") === "send") {
        const findings = findIdentifyingDetails(body);
        if (findings.length > 0) return data<CompanyOfferActionData>({ body, idempotencyKey, findings, guardReasons: identityGuardReasons(findings) });
      }
      const result = await writeCompanyMessage(portal.db, actor, offerId, { body, idempotencyKey }, now);
      switch (result.status) {
        case "sent":
          return redirect(`${cafePaths.companyOffer(offerId)}?notice=sent#message-${result.messageId}`);
        case "invalid":
          // A rejected key gets a fresh one, so pressing the button again can work.
          return data<CompanyOfferActionData>(
            { body, idempotencyKey: result.errors.form ? newIdempotencyKey() : idempotencyKey, error: companyErrorText(result.errors.body ?? result.errors.form) },
            { status: 400 },
          );
        case "closed":
        case "suspended":
          return data<CompanyOfferActionData>({ body, idempotencyKey, error: companyErrorText(result.status) }, { status: result.status === "closed" ? 409 : 403 });
        case "not_found":
          throw data({ code: "not_found" }, { status: 404 });
      }
      break;
    }
    case "accept": {
      const result = await acceptCompanyOffer(portal.db, actor, offerId, now);
      switch (result.status) {
        case "accepted":
        case "already_accepted":
          return noticeRedirect(offerId, "accepted");
        case "full":
          return noticeRedirect(offerId, "full");
        case "closed":
          return noticeRedirect(offerId, "offer_closed");
        case "own_offer":
          return noticeRedirect(offerId, "created");
        case "not_found":
          throw data({ code: "not_found" }, { status: 404 });
      }
      break;
    }
    case "withdraw": {
      const result = await withdrawCompanyAcceptance(portal.db, actor, offerId, now);
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      return noticeRedirect(offerId, "withdrawn");
    }
    case "close": {
      const result = await closeCompanyOffer(portal.db, actor, offerId, now);
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      return noticeRedirect(offerId, "closed");
    }
  }
  throw data({ code: "invalid_intent" }, { status: 400 });
}

function noticeText(notice: Notice, author: string): { text: string; color: "success" | "warning" } | null {
  switch (notice) {
    case "created":
      return { text: m.cafe_company_notice_created(), color: "success" };
    case "exists":
      return { text: m.cafe_company_notice_exists(), color: "success" };
    case "accepted":
      return { text: m.cafe_company_notice_accepted({ author }), color: "success" };
    case "withdrawn":
      return { text: m.cafe_company_notice_withdrawn(), color: "success" };
    case "closed":
      return { text: m.cafe_company_notice_closed(), color: "success" };
    case "full":
      return { text: m.cafe_company_full(), color: "warning" };
    case "offer_closed":
      return { text: m.cafe_company_notice_offer_closed(), color: "warning" };
    case "sent":
      return null;
  }
}

function acceptLabel(offer: { direction: "offer" | "ask"; kind: "walk" | "ride" }): string {
  if (offer.direction === "offer") return m.cafe_company_accept_offer();
  return offer.kind === "walk" ? m.cafe_company_accept_ask_walk() : m.cafe_company_accept_ask_ride();
}

export default function CafesCompanyOffer({ loaderData, actionData }: Route.ComponentProps) {
  const { result, locale } = loaderData;

  if (result.status === "ended") {
    return (
      <>
        <p className="ds-paragraph">
          <Link to={cafePaths.cafe(result.cafe.id)}>{m.cafe_company_back()}</Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {m.cafe_company_ended_title()}
        </h1>
        <p className="ds-paragraph">{m.cafe_company_ended_body()}</p>
      </>
    );
  }

  const { cafe, offer, messages } = result;
  const author = offer.isOwn ? m.cafe_company_you() : (offer.author ?? m.forum_former_member());
  const notice = loaderData.notice ? noticeText(loaderData.notice, author) : null;
  const seats = companySeatsText(offer);

  return (
    <>
      <p className="ds-paragraph">
        <Link to={cafePaths.company(cafe.id)}>{m.cafe_company_back_to_list()}</Link>
      </p>
      <h1 className="ds-heading" data-size="lg" id="offer-heading">
        {companyOfferHeading(offer)}
      </h1>
      <p className="ds-paragraph">{m.cafe_company_for_cafe({ title: cafe.title, time: formatDateTime(cafe.startsAt, locale), place: cafe.placeName })}</p>
      {notice ? (
        <div className="ds-alert" data-color={notice.color} role="status">
          <p className="ds-paragraph">{notice.text}</p>
        </div>
      ) : null}
      {result.cancelled ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{m.cafe_company_cancelled()}</p>
        </div>
      ) : null}

      <dl className="company-details">
        <dt>{m.cafe_company_posted_by()}</dt>
        <dd>{!offer.isOwn && offer.author ? <Link to={forumPaths.member(offer.author)}>{offer.author}</Link> : author}</dd>
        <dt>{m.cafe_company_place_label()}</dt>
        <dd className="company-text">{offer.place}</dd>
        <dt>{m.cafe_company_time_term()}</dt>
        <dd>{offer.meetAt ? <time dateTime={new Date(offer.meetAt).toISOString()}>{formatDateTime(offer.meetAt, locale)}</time> : m.cafe_company_time_open()}</dd>
        {seats ? (
          <>
            <dt>{m.cafe_company_seats_term()}</dt>
            <dd>{seats}</dd>
          </>
        ) : null}
        {offer.note ? (
          <>
            <dt>{m.cafe_company_note_term()}</dt>
            <dd className="company-text">{offer.note}</dd>
          </>
        ) : null}
        <dt>{m.cafe_company_going_term()}</dt>
        <dd>
          {result.acceptedBy === null
            ? m.cafe_company_accepted_count({ count: offer.acceptedCount })
            : result.acceptedBy.length === 0
              ? m.cafe_company_nobody_yet()
              : result.acceptedBy.join(", ")}
          {offer.acceptedByViewer ? ` (${m.cafe_company_you_accepted_tag()})` : null}
        </dd>
      </dl>
      {offer.closed ? (
        <p>
          <span className="ds-tag" data-color="neutral" data-size="sm">
            {m.cafe_company_closed_tag()}
          </span>
        </p>
      ) : null}

      {result.mayAccept || result.mayWithdraw || result.mayClose ? (
        <div className="button-row">
          {result.mayAccept ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="accept" />
              <button type="submit" className="ds-button" data-variant="primary">
                {acceptLabel(offer)}
              </button>
            </Form>
          ) : null}
          {result.mayWithdraw ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="ds-button" data-variant="secondary">
                {m.cafe_company_withdraw()}
              </button>
            </Form>
          ) : null}
          {result.mayClose ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="close" />
              <button type="submit" className="ds-button" data-variant="secondary" aria-describedby="offer-close-help">
                {m.cafe_company_close()}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {result.mayClose ? (
        <p className="ds-paragraph" data-size="sm" id="offer-close-help">
          {m.cafe_company_close_help()}
        </p>
      ) : null}
      {!result.mayAccept && !offer.isOwn && !offer.closed && !offer.acceptedByViewer && offer.seatsLeft === 0 ? <p className="ds-paragraph">{m.cafe_company_full()}</p> : null}

      <section className="stack" aria-labelledby="company-messages-heading">
        <h2 id="company-messages-heading" className="ds-heading" data-size="md">
          {m.cafe_company_messages_heading()}
        </h2>
        <p className="ds-paragraph" data-size="sm">
          {result.moderates ? m.cafe_company_moderator_note() : m.cafe_company_host_note()}
        </p>
        {messages.length === 0 ? (
          <p className="ds-paragraph">{m.cafe_company_messages_empty()}</p>
        ) : (
          <ol className="company-messages">
            {messages.map((message) => (
              <li key={message.id} id={`message-${message.id}`} className="company-messages__item">
                <p className="ds-paragraph" data-size="sm">
                  <strong>{message.isOwn ? m.cafe_company_you() : message.author ? <Link to={forumPaths.member(message.author)}>{message.author}</Link> : m.forum_former_member()}</strong>
                  {message.fromModerator ? (
                    <>
                      {" "}
                      <span className="ds-tag" data-color="info" data-size="sm">
                        {m.cafe_company_moderator_tag()}
                      </span>
                    </>
                  ) : null}
                  {" · "}
                  <time dateTime={new Date(message.createdAt).toISOString()}>{formatDateTime(message.createdAt, locale)}</time>
                </p>
                <p className="ds-paragraph company-text">{message.body}</p>
              </li>
            ))}
          </ol>
        )}
        {result.mayWrite ? <MessageForm idempotencyKey={loaderData.idempotencyKey} actionData={actionData} /> : null}
      </section>
    </>
  );
}

function MessageForm({ idempotencyKey, actionData }: { idempotencyKey: string; actionData: CompanyOfferActionData | undefined }) {
  const error = actionData?.error;
  const findings = actionData?.findings ?? [];
  return (
    <Form method="post" className="stack" noValidate>
      <CsrfField />
      <input type="hidden" name="idempotencyKey" value={actionData?.idempotencyKey ?? idempotencyKey} />
      <div className="ds-field">
        <label className="ds-label" htmlFor="company-message">
          {m.cafe_company_message_label()}
        </label>
        <p className="ds-paragraph" data-size="sm" id="company-message-help">
          {m.cafe_company_message_help({ max: COMPANY_MESSAGE_MAX_LENGTH })}
        </p>
        <textarea
          className="ds-input"
          id="company-message"
          name="body"
          rows={3}
          maxLength={COMPANY_MESSAGE_MAX_LENGTH}
          defaultValue={actionData?.body ?? ""}
          suppressHydrationWarning
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "company-message-help company-message-error" : "company-message-help"}
        />
        {error ? (
          <p className="ds-validation-message" id="company-message-error" data-color="danger">
            {error}
          </p>
        ) : null}
      </div>
      {findings.length > 0 ? <IdentityGuardFindings text={actionData?.body ?? ""} details={findings} reasons={actionData?.guardReasons ?? {}} /> : null}
      <div className="button-row">
        <button type="submit" name="intent" value="send" className="ds-button" data-variant={findings.length > 0 ? "secondary" : "primary"}>
          {findings.length > 0 ? m.cafe_company_message_check_again() : m.cafe_company_message_send()}
        </button>
        {findings.length > 0 ? (
          <button type="submit" name="intent" value="send-anyway" className="ds-button" data-variant="primary">
            {m.cafe_company_message_send_anyway()}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

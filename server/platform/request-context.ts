import { createContext } from "react-router";

import type { Actor } from "../identity/actor";
import type { Locale } from "../identity/roles";
import type { Logger } from "./logger";
import type { Portal } from "./portal";

/** Request state resolved by the Express layer and handed to loaders and actions. */
export interface RequestState {
  portal: Portal;
  actor: Actor;
  /** True when the request carried a session cookie that had timed out. */
  sessionExpired: boolean;
  locale: Locale;
  nonce: string;
  csrfToken: string;
  requestId: string;
  clientAddress: string;
  log: Logger;
}

export const requestContext = createContext<RequestState>();

import { createSettableClock } from "../../server/platform/clock";
import { loadConfig } from "../../server/platform/config";
import { createLogger } from "../../server/platform/logger";
import { createMailer } from "../../server/platform/mail";
import { createPushSender } from "../../server/platform/push";
import type { Portal } from "../../server/platform/portal";
import type { TestDatabase } from "./test-database";

/**
 * A portal over a test database, for route tests that call loaders and
 * actions directly: no mail server, silent logs, no demo, a settable clock and
 * no job worker (tests run jobs themselves with runDueJobs).
 */
export function createTestPortal(database: TestDatabase): Portal {
  const log = createLogger("silent");
  const clock = createSettableClock();
  return {
    config: loadConfig({}),
    db: database.db,
    databaseKind: database.kind,
    keys: database.keys,
    log,
    mailer: createMailer({ from: "ReConnect <no-reply@reconnect.invalid>", log }),
    push: createPushSender(null),
    nudgeNotificationMailer: () => undefined,
    clock,
    testClock: clock,
    jobs: { runNow: async () => 0, stop: () => undefined },
    demo: false,
    ping: async () => undefined,
    close: async () => undefined,
  };
}

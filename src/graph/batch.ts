/**
 * JSON batching: up to 20 requests per `$batch` call. Each item can be throttled on its own; throttled
 * items (429, and 503/504 when safe to resend) are sent again in a later batch after the longest
 * `Retry-After` among them, a bounded number of times. A batch never holds more items for one mailbox
 * than the mailbox's concurrency limit, since Graph runs a batch's items side by side.
 */

import type { GraphClient } from "./client.ts";
import { GraphError, headerLookup, mapGraphError, parseRetryAfter } from "./map-error.ts";
import type { GraphPermission } from "./permissions.ts";

export const MAX_BATCH_SIZE = 20;

export interface BatchItem {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** A path under the base URL or a link Graph returned. */
  readonly url: string;
  /** The mailbox (user id) the item works on, for the concurrency limit. */
  readonly mailbox?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export type BatchOutcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly header: (name: string) => string | null;
      readonly body: unknown;
    }
  | { readonly ok: false; readonly error: GraphError };

export interface BatchOptions {
  /** True when every item is safe to send twice (reads, creates with a transactionId). */
  readonly idempotent: boolean;
}

/** Sends the items in as few `$batch` calls as the limits allow; one outcome per item, in order. */
export async function sendBatch(
  client: GraphClient,
  permission: GraphPermission,
  items: readonly BatchItem[],
  options: BatchOptions,
): Promise<BatchOutcome[]> {
  const outcomes: (BatchOutcome | undefined)[] = new Array(items.length);
  const tries = new Array<number>(items.length).fill(0);
  let pending = items.map((_, index) => index);
  while (pending.length > 0) {
    const retry: { index: number; wait: number }[] = [];
    await Promise.all(
      groups(pending, items, client.maxConcurrentPerMailbox).map(async (group) => {
        for (const index of group) tries[index]! += 1;
        let answers: Map<string, unknown>;
        try {
          answers = await post(client, permission, group, items, options);
        } catch (error) {
          if (!(error instanceof GraphError)) throw error;
          for (const index of group) outcomes[index] = { ok: false, error };
          return;
        }
        for (const index of group) {
          const answer = answers.get(String(index));
          const outcome = outcomeOf(answer, items[index]!, client, permission, tries[index]!);
          const wait = retryWait(answer, outcome, options, client, tries[index]!);
          if (wait === undefined) outcomes[index] = outcome;
          else retry.push({ index, wait });
        }
      }),
    );
    if (retry.length === 0) break;
    await client.sleep(Math.max(...retry.map((r) => r.wait)));
    pending = retry.map((r) => r.index).sort((a, b) => a - b);
  }
  return outcomes as BatchOutcome[];
}

/** Batches of at most 20 items, at most `perMailbox` of them for any one mailbox, in item order. */
function groups(pending: readonly number[], items: readonly BatchItem[], perMailbox: number): number[][] {
  const out: { indices: number[]; perMailbox: Map<string, number> }[] = [];
  for (const index of pending) {
    const mailbox = items[index]!.mailbox;
    let group = out.find(
      (g) =>
        g.indices.length < MAX_BATCH_SIZE &&
        (mailbox === undefined || (g.perMailbox.get(mailbox) ?? 0) < perMailbox),
    );
    if (group === undefined) {
      group = { indices: [], perMailbox: new Map() };
      out.push(group);
    }
    group.indices.push(index);
    if (mailbox !== undefined) group.perMailbox.set(mailbox, (group.perMailbox.get(mailbox) ?? 0) + 1);
  }
  return out.map((g) => g.indices);
}

async function post(
  client: GraphClient,
  permission: GraphPermission,
  group: readonly number[],
  items: readonly BatchItem[],
  options: BatchOptions,
): Promise<Map<string, unknown>> {
  const mailboxes = new Map<string, number>();
  for (const index of group) {
    const mailbox = items[index]!.mailbox;
    if (mailbox !== undefined) mailboxes.set(mailbox, (mailboxes.get(mailbox) ?? 0) + 1);
  }
  const requests = group.map((index) => {
    const item = items[index]!;
    return {
      id: String(index),
      method: item.method,
      url: client.relativeUrl(item.url),
      ...(item.headers === undefined ? {} : { headers: item.headers }),
      ...(item.body === undefined ? {} : { body: item.body }),
    };
  });
  const result = await client.send({
    method: "POST",
    url: "/$batch",
    permission,
    mailboxes,
    body: { requests },
    idempotent: options.idempotent,
  });
  const responses =
    typeof result.body === "object" &&
    result.body !== null &&
    "responses" in result.body &&
    Array.isArray(result.body.responses)
      ? (result.body.responses as unknown[])
      : [];
  const byId = new Map<string, unknown>();
  for (const response of responses) {
    if (typeof response === "object" && response !== null && "id" in response)
      byId.set(String(response.id), response);
  }
  return byId;
}

function outcomeOf(
  answer: unknown,
  item: BatchItem,
  client: GraphClient,
  permission: GraphPermission,
  tries: number,
): BatchOutcome {
  const label = `${item.method} ${client.relativeUrl(item.url).split("?")[0]} (in $batch)`;
  if (
    typeof answer !== "object" ||
    answer === null ||
    !("status" in answer) ||
    typeof answer.status !== "number"
  ) {
    return {
      ok: false,
      error: new GraphError({
        kind: "retry-later",
        status: 0,
        code: "MissingBatchResponse",
        message: `Graph's $batch answer had no response for ${label}`,
        tries,
      }),
    };
  }
  const header = headerLookup("headers" in answer ? answer.headers : undefined);
  const body = "body" in answer ? answer.body : undefined;
  if (answer.status >= 200 && answer.status < 300) return { ok: true, status: answer.status, header, body };
  return {
    ok: false,
    error: mapGraphError(
      { status: answer.status, header, body },
      { request: label, neededScopes: client.scopesOf(permission), tries, now: client.now() },
    ),
  };
}

/** How long to wait before sending the item again, or undefined when its outcome is final. */
function retryWait(
  answer: unknown,
  outcome: BatchOutcome,
  options: BatchOptions,
  client: GraphClient,
  tries: number,
): number | undefined {
  if (outcome.ok || tries >= client.maxTries) return undefined;
  const status = outcome.error.status;
  const retryable = status === 429 || (options.idempotent && (status === 503 || status === 504));
  if (!retryable) return undefined;
  const headers =
    typeof answer === "object" && answer !== null && "headers" in answer ? answer.headers : undefined;
  const wait =
    parseRetryAfter(headerLookup(headers)("Retry-After"), client.now()) ??
    client.backoffMs * 2 ** (tries - 1);
  return wait > client.maxWaitMs ? undefined : wait;
}

import { describe, expect, it } from "vitest";
import { pathFor, ROUTES } from "../api/routes.ts";
import { createApiClient, fillPath } from "./api-client.ts";
import type { ApiRequest, Transport } from "./http-transport.ts";

function recordingTransport(answer: unknown, version?: number) {
  const sent: ApiRequest[] = [];
  const transport: Transport = {
    async send<T>(request: ApiRequest) {
      sent.push(request);
      return version === undefined ? { body: answer as T } : { body: answer as T, version };
    },
  };
  return { transport, sent };
}

describe("api client", () => {
  it("fills path parameters, If-Match and body from the contract's route", async () => {
    const { transport, sent } = recordingTransport({ id: "n" }, 4);
    const client = createApiClient(transport);
    const answer = await client.callVersioned("saveNote", {
      params: { id: "0b6f1a52-0000-4000-8000-000000000001" },
      ifMatch: 3,
      body: { focus: [], wentWell: "", gaps: "", privateNotes: "", actions: [] },
    });
    expect(answer.version).toBe(4);
    expect(sent[0]).toEqual({
      method: "PUT",
      path: "/api/notes/0b6f1a52-0000-4000-8000-000000000001",
      body: { focus: [], wentWell: "", gaps: "", privateNotes: "", actions: [] },
      ifMatch: 3,
    });
  });

  it("sends queries without absent values, and CSV as text", async () => {
    const { transport, sent } = recordingTransport({});
    const client = createApiClient(transport);
    await client.call("getDashboard", {
      query: { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z", manager: undefined },
    });
    await client.call("importMetrics", { params: { email: "ana@contoso.com" }, body: "date,pipeline\n" });
    expect(sent).toEqual([
      {
        method: "GET",
        path: "/api/team/dashboard",
        query: { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" },
      },
      {
        method: "POST",
        path: "/api/reps/ana%40contoso.com/metrics/import",
        body: "date,pipeline\n",
        contentType: "text/csv",
      },
    ]);
  });

  it("encodes paths exactly as the contract does", () => {
    const params = { iCalUId: "040000008200E00074C5B7101A82E008/+=" };
    expect(fillPath(ROUTES.setOverride.path, params)).toBe(pathFor(ROUTES.setOverride, params));
    expect(() => fillPath(ROUTES.getNote.path, {})).toThrow(RangeError);
  });
});

/** A JSON body, or a CSV file's text; the note or plan version the change is based on. */
export interface ApiRequest {
  readonly body?: unknown;
  readonly csv?: string;
  readonly ifMatch?: number;
}

/** FieldCoach's API as one demo person, for a test's setup: the token comes from the demo sign-in. */
export interface ApiAs {
  call<T>(method: "GET" | "POST" | "PUT", path: string, request?: ApiRequest): Promise<T>;
}

export async function apiAs(
  baseUrl: string,
  objectId: string,
  options: { admin?: boolean } = {},
): Promise<ApiAs> {
  const signIn = await fetch(`${baseUrl}/api/demo/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ objectId, admin: options.admin === true }),
  });
  if (!signIn.ok) throw new Error(`demo sign-in answered ${signIn.status}`);
  const { accessToken } = (await signIn.json()) as { readonly accessToken: string };
  return {
    async call<T>(method: "GET" | "POST" | "PUT", path: string, request: ApiRequest = {}) {
      const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}` };
      if (request.ifMatch !== undefined) headers["If-Match"] = `"${request.ifMatch}"`;
      let body: string | undefined;
      if (request.csv !== undefined) {
        headers["Content-Type"] = "text/csv";
        body = request.csv;
      } else if (request.body !== undefined) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(request.body);
      }
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    },
  };
}

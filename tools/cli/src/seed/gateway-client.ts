// The little of the gateway's REST API that the seed needs, over fetch.
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  rule?: string;
  errors?: { field: string; message: string }[];
}

export class GatewayError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly problem: Problem,
  ) {
    const errors = problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    super(
      `${method} ${path} → ${problem.status} ${problem.title ?? ''}${problem.detail ? `: ${problem.detail}` : ''}${errors ? ` (${errors})` : ''}`,
    );
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class GatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) throw new GatewayError(method, path, { status: res.status, ...(json as object) });
    return json as T;
  }

  // Every item of a list endpoint, following nextCursor.
  async listAll<T>(path: string, query: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ ...query, limit: '500', ...(cursor ? { cursor } : {}) });
      const page: Page<T> = await this.request<Page<T>>('GET', `${path}?${params.toString()}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}

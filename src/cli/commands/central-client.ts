// HTTP client for the central server's API (fetch), used by `fashen login` and `fashen central …`.
import { hostname } from 'node:os';
import type { ApiErrorBody, LoginAnswer } from '../../server/protocol';

export class CentralError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'CentralError';
  }
}

export interface Answer<T> {
  status: number;
  body: T;
}

export class CentralClient {
  readonly base: string;

  constructor(
    server: string,
    public token: string | null = null,
  ) {
    let url: URL;
    try {
      url = new URL(server);
    } catch {
      throw new CentralError(`中央系统地址不正确：${server}`, null);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CentralError(`中央系统地址须为 http(s)：${server}`, null);
    this.base = url.href.replace(/\/+$/, '');
  }

  async request<T>(method: string, path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string>; ok?: number[] } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    let res: Response;
    try {
      res = await fetch(this.base + path, { method, headers, ...(body !== undefined ? { body, duplex: 'half' } : {}) } as RequestInit);
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new CentralError(`无法连接中央系统 ${this.base}：${cause?.code ?? cause?.message ?? (err as Error).message}`, null);
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    const ok = init.ok ?? [];
    if (!res.ok && !ok.includes(res.status)) {
      const e = (parsed as ApiErrorBody | null)?.error;
      throw new CentralError(e?.message ?? `中央系统返回 HTTP ${res.status}`, res.status, e?.details ?? []);
    }
    return { status: res.status, body: parsed as T };
  }

  async login(user: string, password: string, device = `fashen-cli@${hostname()}`): Promise<LoginAnswer> {
    const a = await this.request<LoginAnswer>('POST', '/v1/login', { json: { user, password, device } });
    this.token = a.body.token;
    return a.body;
  }

  async logout(): Promise<void> {
    if (this.token) await this.request('POST', '/v1/logout').catch(() => undefined);
    this.token = null;
  }
}

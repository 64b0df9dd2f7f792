// HTTP client for the central server's API (fetch), used by `fashen login` and `fashen central …`.
import { createWriteStream } from 'node:fs';
import { hostname } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { ApiErrorBody, LoginAnswer } from '../../server/protocol';
import { networkReason } from '../../shared/sync/network-reason';

/** A command used wrongly (exit code 2), the message saying how to use it. */
export class UsageError extends Error {}

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
      throw new CentralError(`中心系统地址不正确：${server}`, null);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CentralError(`中心系统地址须为 http(s)：${server}`, null);
    this.base = url.href.replace(/\/+$/, '');
  }

  async request<T>(method: string, path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string>; ok?: number[] } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    const res = await this.send(method, path, headers, body);
    const text = await res.text();
    if (!res.ok && !(init.ok ?? []).includes(res.status)) throw failure(res.status, text);
    return { status: res.status, body: parseJson(text) as T };
  }

  /** A GET whose answer is a file, streamed to `dest` (created, never overwritten); its headers. */
  /** `write`: how the body reaches `dest` (default: as it comes; a case bundle may be sealed on the way). */
  async download(path: string, dest: string, write: (body: Readable, dest: string) => Promise<void> = (body, to) => pipeline(body, createWriteStream(to, { flags: 'wx', mode: 0o600 }))): Promise<Headers> {
    const res = await this.send('GET', path, { accept: 'application/zip, application/json' });
    if (!res.ok || !res.body) throw failure(res.status, await res.text());
    try {
      await write(Readable.fromWeb(res.body as NodeReadableStream), dest);
    } catch (err) {
      throw new CentralError(`下载中断：${networkReason(err)}`, null);
    }
    return res.headers;
  }

  private async send(method: string, path: string, headers: Record<string, string>, body?: BodyInit): Promise<Response> {
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    try {
      return await fetch(this.base + path, { method, headers, ...(body !== undefined ? { body, duplex: 'half' } : {}) } as RequestInit);
    } catch (err) {
      throw new CentralError(`无法连接中心系统 ${this.base}：${networkReason(err)}`, null);
    }
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

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** An error answer as the server worded it (zh-CN), or its status. */
function failure(status: number, text: string): CentralError {
  const e = (parseJson(text) as ApiErrorBody | null)?.error;
  return new CentralError(e?.message ?? `中心系统返回 HTTP ${status}`, status, e?.details ?? []);
}

// A failed connection in words a reviewer can act on: the socket's code mapped to zh-CN (own code or
// the cause's, as Node's fetch and undici report them), the code kept in brackets for the logs.
import { describe, expect, it } from 'vitest';
import { networkCode, networkReason } from '../../src/shared/sync/network-reason';

describe('networkReason', () => {
  it('maps the codes of a refused, unknown, timed-out or cut connection', () => {
    expect(networkReason(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe('服务器拒绝连接（中心系统未运行，或地址、端口有误） [ECONNREFUSED]');
    expect(networkReason(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }) }))).toBe('找不到服务器（请检查地址拼写和网络） [ENOTFOUND]');
    expect(networkReason(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }))).toMatch(/^连接超时/);
    expect(networkReason(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }))).toBe('连接被中断 [UND_ERR_SOCKET]');
  });

  it('an unknown code is named as it is; no code at all is 网络错误 — never the English message', () => {
    expect(networkReason(Object.assign(new Error('weird'), { code: 'EWEIRD' }))).toBe('网络错误 [EWEIRD]');
    expect(networkReason(new Error('Something in English'))).toBe('网络错误');
    expect(networkCode(null)).toBeNull();
  });
});

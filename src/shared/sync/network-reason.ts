// Why a connection to the central system failed, in words a reviewer can act on, instead of the
// socket's errno and English text (ECONNREFUSED connect ECONNREFUSED 127.0.0.1:8080). Node's fetch
// and undici put the code on the error or on its `cause`.
const REASONS: Record<string, string> = {
  ECONNREFUSED: '服务器拒绝连接（中心系统未运行，或地址、端口有误）',
  ENOTFOUND: '找不到服务器（请检查地址拼写和网络）',
  EAI_AGAIN: '暂时无法解析服务器地址（请检查网络）',
  ETIMEDOUT: '连接超时（网络不通或服务器无响应）',
  UND_ERR_CONNECT_TIMEOUT: '连接超时（网络不通或服务器无响应）',
  UND_ERR_HEADERS_TIMEOUT: '等待服务器答复超时',
  UND_ERR_BODY_TIMEOUT: '接收数据超时',
  ECONNRESET: '连接被中断',
  UND_ERR_SOCKET: '连接被中断',
  EPIPE: '连接被中断',
  ENETUNREACH: '网络不可达（请检查网络连接）',
  EHOSTUNREACH: '无法到达服务器（请检查网络连接）',
  EHOSTDOWN: '无法到达服务器（请检查网络连接）',
  CERT_HAS_EXPIRED: '服务器证书已过期',
  DEPTH_ZERO_SELF_SIGNED_CERT: '服务器证书不受信任',
  SELF_SIGNED_CERT_IN_CHAIN: '服务器证书不受信任',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '服务器证书不受信任',
  ERR_TLS_CERT_ALTNAME_INVALID: '服务器证书与地址不符',
};

/** The error's code (its own or its cause's), e.g. ECONNREFUSED; null when there is none. */
export function networkCode(err: unknown): string | null {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : (err as Error | null)?.name === 'TimeoutError' ? 'ETIMEDOUT' : null;
}

/** zh-CN reason, with the code kept in brackets for whoever reads the logs (网络错误 CODE when unknown). */
export function networkReason(err: unknown): string {
  const code = networkCode(err);
  if (code && REASONS[code]) return `${REASONS[code]} [${code}]`;
  return code ? `网络错误 [${code}]` : '网络错误';
}

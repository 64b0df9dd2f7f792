// The status bar's signing corner: the signing key's state (opens 签名密钥) and 验证签名文件, plus the
// host of the opinion dialogs (签署, 签名密钥, 验证签名文件), which any part of the window can open.
import { useEffect } from 'react';
import { FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { KeysDialog } from './KeysDialog';
import { SignDialog } from './SignDialog';
import { VerifyFileDialog } from './VerifyFileDialog';
import { opinionActions, useOpinionState } from './store';
import { latestKeyRevoked } from './keyState';
import './opinion.css';

function keyText(keys: ReturnType<typeof useKeys>): { text: string; tone: string; title: string } {
  if (!keys) return { text: '签名密钥', tone: '', title: '查看或创建签名密钥' };
  const a = keys.active;
  if (!a) {
    // The newest key revoked (none created since): say so, not 未创建.
    if (latestKeyRevoked(keys)) return { text: '签名密钥已吊销', tone: 't-warn', title: '签名密钥已吊销，不能再用于签名：点此打开“签名密钥”，创建新的密钥' };
    return { text: '未创建签名密钥', tone: 't-warn', title: '签署意见书前需创建签名密钥' };
  }
  return a.devCa ? { text: '签名密钥 · 开发 CA', tone: 't-warn', title: `${a.subject}，证书由本地开发 CA 签发（非正式，仅供演示）` } : { text: '签名密钥 · 使用中', tone: '', title: a.subject };
}

function useKeys() {
  return useOpinionState((s) => s.keys);
}

export function OpinionStatus() {
  const keys = useKeys();
  useEffect(() => {
    void opinionActions.loadKeys();
  }, []);
  const k = keyText(keys);
  return (
    <>
      <button type="button" className={`sb-button ${k.tone}`} title={k.title} onClick={opinionActions.openKeys} data-testid="status-keys">
        <SafetyCertificateOutlined aria-hidden />
        {k.text}
      </button>
      <button type="button" className="sb-button" title="验证签名的意见书 PDF 或提交件 JSON" onClick={opinionActions.openVerify} data-testid="status-verify">
        <FileProtectOutlined aria-hidden />
        验证签名文件
      </button>
      <SignDialog />
      <KeysDialog />
      <VerifyFileDialog />
    </>
  );
}

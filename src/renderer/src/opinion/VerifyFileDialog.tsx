// 验证签名文件: pick (or drop) a signed opinion PDF or a submission JSON from disk — ours or received
// from others — and verify it on this workstation (opinions.verifyUpload). Nothing is stored.
import { useRef, useState, type DragEvent } from 'react';
import { Alert, Button, Modal, Spin } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import type { VerificationView } from '../../../shared/api/opinions';
import { formatBytes } from '../../../shared/format/bytes';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { VerificationResult } from './VerificationResult';
import { opinionActions, useOpinionState } from './store';

const MAX_BYTES = 20 * 1024 * 1024;

type State = { phase: 'idle' } | { phase: 'busy'; name: string } | { phase: 'done'; name: string; size: number; result: VerificationView } | { phase: 'error'; name: string | null; message: string };

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}


function VerifyBody() {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [over, setOver] = useState(false);

  const check = async (file: File) => {
    if (!/\.(pdf|json)$/i.test(file.name)) return setState({ phase: 'error', name: file.name, message: '只能验证签名的 PDF 意见书（.pdf）或提交件（.json）' });
    if (file.size > MAX_BYTES) return setState({ phase: 'error', name: file.name, message: '文件超过 20 MB，无法在工作台内验证；请使用命令 fashen verify' });
    if (file.size === 0) return setState({ phase: 'error', name: file.name, message: '文件是空的' });
    setState({ phase: 'busy', name: file.name });
    try {
      const base64 = await readBase64(file);
      const result = await api.call('opinions.verifyUpload', { fileName: file.name, base64 });
      setState({ phase: 'done', name: file.name, size: file.size, result });
    } catch (err) {
      setState({ phase: 'error', name: file.name, message: errorText(err, '文件未能验证，请确认它是签名的意见书 PDF 或提交件 JSON') });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void check(file);
  };

  return (
    <div className="op-dialog" data-testid="verify-dialog">
      <div
        className={`op-drop${over ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <FileSearchOutlined aria-hidden className="op-drop-icon" />
        <div>
          <div>选择或拖入签名的意见书 PDF（.pdf）或提交件（.json）</div>
          <div className="small muted">在本机验证签名与证书链，文件不会被保存或上传到其他地方。</div>
        </div>
        <span className="spacer" />
        <Button type="primary" onClick={() => input.current?.click()} loading={state.phase === 'busy'} data-testid="verify-pick">
          选择文件…
        </Button>
        <input
          ref={input}
          type="file"
          accept=".pdf,.json,application/pdf,application/json"
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void check(file);
          }}
          data-testid="verify-file-input"
        />
      </div>
      <div aria-live="polite">
        {state.phase === 'busy' && (
          <div className="op-busy">
            <Spin size="small" /> 正在验证“{state.name}”…
          </div>
        )}
        {state.phase === 'error' && <Alert type="error" showIcon title={state.message} description={state.name ? `文件：${state.name}` : undefined} data-testid="verify-error" />}
        {state.phase === 'done' && (
          <>
            <div className="small muted op-file-line" data-testid="verify-file-name">
              {state.name}（{formatBytes(state.size)}）
            </div>
            <VerificationResult result={state.result} />
          </>
        )}
      </div>
    </div>
  );
}

export function VerifyFileDialog() {
  const open = useOpinionState((s) => s.verifyOpen);
  return (
    <Modal
      open={open}
      title="验证签名文件"
      onCancel={opinionActions.closeVerify}
      width={600}
      destroyOnHidden
      footer={
        <Button onClick={opinionActions.closeVerify} data-testid="verify-close">
          关闭
        </Button>
      }
    >
      {open && <VerifyBody />}
    </Modal>
  );
}

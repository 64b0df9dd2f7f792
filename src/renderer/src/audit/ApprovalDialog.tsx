// Asks for the approval an export needs (批准文号 + 批准人) when the agency requires one; the
// answer is recorded with the export in the audit log.
import { useEffect, useRef, useState } from 'react';
import { Form, Input, Modal } from 'antd';
import type { ExportApproval } from '../../../shared/api/audit';
import { setApprovalAsker } from './approval';

interface Pending {
  refusal: string;
  resolve: (a: ExportApproval | null) => void;
}

export function ApprovalDialog() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [form] = Form.useForm<ExportApproval>();
  const current = useRef<Pending | null>(null);

  useEffect(() => {
    setApprovalAsker(
      (refusal) =>
        new Promise<ExportApproval | null>((resolve) => {
          current.current?.resolve(null); // one question at a time: an older one counts as cancelled
          const p = { refusal, resolve };
          current.current = p;
          setPending(p);
        }),
    );
    return () => setApprovalAsker(null);
  }, []);

  const finish = (a: ExportApproval | null) => {
    current.current?.resolve(a);
    current.current = null;
    setPending(null);
    form.resetFields();
  };

  return (
    <Modal
      open={pending !== null}
      title="导出须经批准"
      okText="填写完毕，导出"
      cancelText="取消"
      onCancel={() => finish(null)}
      onOk={() => void form.validateFields().then((v) => finish({ reference: v.reference.trim(), approver: v.approver.trim() }), () => undefined)}
      width={460}
      destroyOnHidden
      data-testid="approval-dialog"
    >
      <p className="small">{pending?.refusal}</p>
      <p className="small muted">批准文号与批准人将随本次导出记入审计记录。</p>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reference" label="批准文号或审批单号" rules={[{ required: true, whitespace: true, min: 2, max: 100, message: '请填写批准文号或审批单号（至少 2 个字）' }]}>
          <Input autoFocus placeholder="如 测市监批〔2026〕12号" data-testid="approval-reference" />
        </Form.Item>
        <Form.Item name="approver" label="批准人" rules={[{ required: true, whitespace: true, min: 2, max: 40, message: '请填写批准人（至少 2 个字）' }]}>
          <Input placeholder="负责人姓名" data-testid="approval-approver" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

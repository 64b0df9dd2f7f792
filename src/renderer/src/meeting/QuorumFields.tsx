// 人数规则: how many heads the agency has, the share that must take part (过半数, 三分之二以上 …, or
// a fraction), an absolute minimum and the rule's source; below, the rule in words (fractionText)
// and whether the attendees listed as 出席 meet it now.
import { Form, Input, InputNumber, Select } from 'antd';
import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { evaluateQuorum, fractionText, QuorumRule } from '../../../shared/meeting/quorum';
import { QUORUM_PRESETS, type QuorumPreset } from './quorumPresets';

export interface QuorumValues {
  headCount: number | null;
  preset: QuorumPreset;
  numerator: number | null;
  denominator: number | null;
  moreThan: boolean;
  minMembers: number | null;
  source: string;
}

/** The rule the form describes, when its numbers are complete and valid. */
export function ruleOf(q: QuorumValues | undefined): QuorumRule | null {
  if (!q) return null;
  const fraction = q.preset === 'custom' ? { numerator: q.numerator ?? 0, denominator: q.denominator ?? 0, moreThan: q.moreThan } : QUORUM_PRESETS[q.preset].fraction;
  const parsed = QuorumRule.safeParse({ headCount: q.headCount, fraction, minMembers: q.minMembers, source: q.source || '—' });
  return parsed.success ? { ...parsed.data, source: q.source } : null;
}

const presetOptions = [...Object.entries(QUORUM_PRESETS).map(([value, p]) => ({ value, label: p.label })), { value: 'custom', label: '其他比例…' }];

export function QuorumFields({ members }: { members: number }) {
  const q = Form.useWatch<QuorumValues | undefined>('quorum');
  const rule = ruleOf(q);
  const status = rule ? evaluateQuorum(rule, members) : null;
  return (
    <div className="mt-quorum" data-testid="quorum">
      <div className="mt-quorum-grid">
        <Form.Item label="负责人人数" name={['quorum', 'headCount']} rules={[{ required: true, message: '请填写负责人人数' }]}>
          <InputNumber min={1} max={50} precision={0} suffix="人" style={{ width: 96 }} data-testid="quorum-head-count" />
        </Form.Item>
        <Form.Item label="出席比例" name={['quorum', 'preset']}>
          <Select options={presetOptions} style={{ width: 132 }} data-testid="quorum-preset" />
        </Form.Item>
        {q?.preset === 'custom' && (
          <Form.Item label="比例" required>
            <span className="mt-fraction">
              <Form.Item noStyle name={['quorum', 'denominator']}>
                <InputNumber min={1} max={10} precision={0} style={{ width: 56 }} aria-label="分母" />
              </Form.Item>
              <span>分之</span>
              <Form.Item noStyle name={['quorum', 'numerator']}>
                <InputNumber min={1} max={10} precision={0} style={{ width: 56 }} aria-label="分子" />
              </Form.Item>
              <Form.Item noStyle name={['quorum', 'moreThan']}>
                <Select
                  style={{ width: 120 }}
                  aria-label="是否含本数"
                  options={[
                    { value: false, label: '以上（含本数）' },
                    { value: true, label: '超过（不含本数）' },
                  ]}
                />
              </Form.Item>
            </span>
          </Form.Item>
        )}
        <Form.Item label="且不少于" name={['quorum', 'minMembers']} rules={[{ required: true, message: '请填写最少人数' }]}>
          <InputNumber min={1} max={50} precision={0} suffix="人" style={{ width: 96 }} data-testid="quorum-min" />
        </Form.Item>
      </div>
      <Form.Item label="规则依据" name={['quorum', 'source']} rules={[{ required: true, min: 2, message: '请写明人数规则的依据' }]}>
        <Input placeholder="如：本局行政处罚案件负责人集体讨论工作规则第六条" maxLength={200} data-testid="quorum-source" />
      </Form.Item>
      {rule && status ? (
        <p className={`mt-quorum-status ${status.met ? 't-ok' : 't-warn'}`} data-testid="quorum-status" data-met={status.met}>
          {status.met ? <CheckCircleFilled aria-hidden /> : <WarningFilled aria-hidden />}
          <span>
            须负责人{fractionText(rule.fraction)}出席，至少 {status.required} 人；现列出席 {status.present} 人
            {status.met ? '，符合规则' : `，尚缺 ${status.required - status.present} 人，不能开始会议`}
          </span>
        </p>
      ) : (
        <p className="mt-quorum-status t-warn" data-testid="quorum-status" data-met="false">
          <WarningFilled aria-hidden /> 人数规则不完整或有误（最少人数不能多于负责人人数，比例不能大于 1）
        </p>
      )}
    </div>
  );
}

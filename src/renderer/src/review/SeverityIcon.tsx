// The automatic finding's mark: red ✕ fail, amber ! warn, green ✓ ok, grey i info; a set-aside fail is hollow.
import { CheckCircleFilled, CloseCircleFilled, CloseCircleOutlined, ExclamationCircleFilled, InfoCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import type { Severity } from '../../../shared/rules/types';
import { SEVERITY_LABEL } from './labels';

interface Props {
  severity: Severity | null;
  /** A fail the reviewer has set aside with a reason (不采纳). */
  overridden?: boolean;
  /** Prefix for the accessible name, e.g. "自动检查". */
  prefix?: string;
}

export function SeverityIcon({ severity, overridden = false, prefix = '自动检查' }: Props) {
  if (!severity) return <MinusCircleOutlined className="sev sev-none" role="img" aria-label={`${prefix}：无`} />;
  const label = `${prefix}：${SEVERITY_LABEL[severity]}${overridden ? '（已不采纳）' : ''}`;
  const props = { className: `sev sev-${severity}${overridden ? ' is-overridden' : ''}`, role: 'img', 'aria-label': label, title: label };
  switch (severity) {
    case 'fail':
      return overridden ? <CloseCircleOutlined {...props} /> : <CloseCircleFilled {...props} />;
    case 'warn':
      return <ExclamationCircleFilled {...props} />;
    case 'ok':
      return <CheckCircleFilled {...props} />;
    case 'info':
      return <InfoCircleFilled {...props} />;
  }
}

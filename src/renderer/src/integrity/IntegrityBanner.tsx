// The red banner over a viewer whose file is tampered with or missing: such a file is never shown as
// if it were fine. A problem with the file itself (corrupt, password, wrong extension) is amber.
import { Alert } from 'antd';
import type { FileState } from '../../../shared/api/evidence';

export function IntegrityBanner({ state }: { state: FileState }) {
  if (state === 'ok') return null;
  const tampered = state === 'tampered';
  return (
    <Alert
      type="error"
      showIcon
      banner
      className="integrity-banner"
      data-testid="integrity-banner"
      data-state={state}
      title={tampered ? '文件已被篡改：内容与导入时的校验值不符，不能作为审核依据' : '文件缺失'}
      description={
        tampered
          ? '本机存储中的文件与案卷包登记的 SHA-256 校验值不一致。请重新同步或导入该案卷包，并向承办机构核实原件。'
          : '本机存储中没有此文件，可能尚未同步完成或已被删除。请重新同步或导入该案卷包。'
      }
    />
  );
}

export function FileProblem({ problem }: { problem: string }) {
  return <Alert type="warning" showIcon banner className="file-problem" title={problem} data-testid="file-problem" />;
}

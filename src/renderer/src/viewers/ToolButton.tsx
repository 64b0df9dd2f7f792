// An icon button for viewer toolbars: always labelled (tooltip + aria-label), 24 px square.
import type { ReactNode } from 'react';
import { Button, Tooltip } from 'antd';

interface Props {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  active?: boolean;
  testId?: string;
}

export function ToolButton({ label, icon, onClick, disabled, active, testId }: Props) {
  return (
    <Tooltip title={label} mouseEnterDelay={0.4}>
      <Button
        type={active ? 'primary' : 'text'}
        ghost={active}
        size="small"
        icon={icon}
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        onClick={onClick}
        data-testid={testId}
      />
    </Tooltip>
  );
}

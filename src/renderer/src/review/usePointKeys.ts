// 1–9 and 0 jump to review points P1–P10 when focus is not in a text field (UI.md keyboard map).
import type { ReviewPointId } from '../../../shared/api/evidence';
import { hasModifier, isTypingTarget } from '../lib/keys';
import { useGlobalKeys } from '../lib/useGlobalKeys';

export interface PointJump {
  point: ReviewPointId;
  seq: number;
}

let seq = 0;

export function usePointKeys(enabled: boolean, onJump: (jump: PointJump) => void): void {
  useGlobalKeys((e) => {
    if (!enabled || isTypingTarget(e.target) || hasModifier(e) || e.shiftKey) return false;
    if (!/^[0-9]$/.test(e.key)) return false;
    if (e.target instanceof Element && e.target.closest('.ant-modal, .ant-select-dropdown, .ant-popover, [role="slider"]')) return false;
    seq += 1;
    onJump({ point: `P${e.key === '0' ? 10 : Number(e.key)}` as ReviewPointId, seq });
    return true;
  });
}

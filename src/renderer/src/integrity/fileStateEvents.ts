// "The back end's record of a case's file states may have changed": said when 校验案卷 finishes and
// when a viewer's check finds a state other than the one the case view knew. The review panel reads
// its review again on hearing it, so P4 (文件完整性) follows at once instead of on 重新读取.
type Listener = (caseId: string) => void;

const listeners = new Set<Listener>();

export function announceFileStates(caseId: string): void {
  for (const l of [...listeners]) l(caseId);
}

export function onFileStates(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

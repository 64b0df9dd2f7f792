// One meeting as the presenter sees it (meetings.get), kept current: `meetings.changed` events for
// this meeting re-read it, and answers of the presenter's own calls replace it. A response older
// than what is shown (lower revision) is dropped, so out-of-order answers never step back.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Meeting } from '../../../shared/meeting/schema';
import { api } from '../api';
import { errorText } from '../lib/errors';

export interface MeetingState {
  meeting: Meeting | null;
  error: string | null;
  /** Take a meeting returned by a call (ignored when older than the one shown). */
  accept: (m: Meeting) => void;
  reload: () => void;
}

export function useMeeting(id: string): MeetingState {
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(-1);

  const accept = useCallback((m: Meeting) => {
    if (m.revision < shown.current) return;
    shown.current = m.revision;
    setMeeting(m);
    setError(null);
  }, []);

  const reload = useCallback(() => {
    api.call('meetings.get', { id }).then(accept, (err: unknown) => setError(errorText(err, '无法读取会议')));
  }, [id, accept]);

  useEffect(() => {
    shown.current = -1;
    setMeeting(null);
    reload();
    return api.on('meetings.changed', (e) => {
      if (e.meetingId === id && e.revision > shown.current) reload();
    });
  }, [id, reload]);

  return { meeting, error, accept, reload };
}

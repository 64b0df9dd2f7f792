// Hash routes of the meeting module: the list, one meeting (set-up, presenter or minutes by its
// state) and the audience screen, which is a page of its own (second window / external display).
import { useEffect, useState } from 'react';

export type MeetingRoute =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'meeting'; id: string }
  | { kind: 'audience'; id: string };

const ID = '([A-Za-z0-9-]{1,200})';

export function parseMeetingRoute(hash: string): MeetingRoute | null {
  const h = hash.replace(/^#/, '');
  if (h === '/meetings' || h === '/meetings/') return { kind: 'list' };
  if (h === '/meetings/new') return { kind: 'new' };
  let m = new RegExp(`^/meetings/${ID}$`).exec(h);
  if (m) return { kind: 'meeting', id: m[1]! };
  m = new RegExp(`^/meeting/${ID}/audience$`).exec(h);
  if (m) return { kind: 'audience', id: m[1]! };
  return null;
}

export const meetingsHref = '#/meetings';
export const newMeetingHref = '#/meetings/new';
export const meetingHref = (id: string) => `#/meetings/${id}`;
export const audienceHash = (id: string) => `#/meeting/${id}/audience`;

export function go(hash: string): void {
  window.location.hash = hash;
}

/** The current meeting route (null: the main workbench), following hash changes. */
export function useMeetingRoute(): MeetingRoute | null {
  const [route, setRoute] = useState(() => parseMeetingRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseMeetingRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

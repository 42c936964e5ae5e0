import { jsonReply } from '../core/http';
import { route, type Route } from '../core/router';
import { afterCommitControlRoutes, type AfterCommitFaults, type AfterCommitFaultSpec } from '../oauth2-generic/commit-faults';
import { controlPattern, oauthControlRoutes, type OAuthControl } from '../oauth2-generic/control';
import type { OAuthProvider } from '../oauth2-generic/provider';
import { meetingJson, type ZoomMeetingStore } from './meetings';

/** Test-side operations on the Zoom stand-in (in process; over HTTP under /__sandbox/zoom/). */
export interface ZoomControl extends OAuthControl {
  /** Every stored meeting as Zoom serializes it (start_url included: tests may look, clients must not log it). */
  meetings(): Record<string, unknown>[];
  /** The next matching request is committed, then answered with `status` (e.g. a 504 after the meeting exists). */
  failAfterCommit(spec: AfterCommitFaultSpec): { id: string };
  clearAfterCommitFaults(): void;
}

export function createZoomControl(oauth: OAuthProvider, meetings: ZoomMeetingStore, afterCommit: AfterCommitFaults): ZoomControl {
  return {
    ...oauth.control,
    meetings: () => meetings.all().map(meetingJson),
    failAfterCommit: (spec) => afterCommit.add(spec),
    clearAfterCommitFaults: () => afterCommit.clear(),
  };
}

export function zoomControlRoutes(control: ZoomControl, afterCommit: AfterCommitFaults): Route[] {
  return [
    ...oauthControlRoutes('zoom', control),
    ...afterCommitControlRoutes('zoom', afterCommit),
    route('GET', controlPattern('zoom', 'meetings'), () => jsonReply(200, control.meetings())),
  ];
}

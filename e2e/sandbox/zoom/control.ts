import { jsonReply } from '../core/http';
import { route, type Route } from '../core/router';
import { controlPattern, oauthControlRoutes, type OAuthControl } from '../oauth2-generic/control';
import type { OAuthProvider } from '../oauth2-generic/provider';
import { meetingJson, type ZoomMeetingStore } from './meetings';

/** Test-side operations on the Zoom stand-in (in process; over HTTP under /__sandbox/zoom/). */
export interface ZoomControl extends OAuthControl {
  /** Every stored meeting as Zoom serializes it (start_url included: tests may look, clients must not log it). */
  meetings(): Record<string, unknown>[];
}

export function createZoomControl(oauth: OAuthProvider, meetings: ZoomMeetingStore): ZoomControl {
  return {
    ...oauth.control,
    meetings: () => meetings.all().map(meetingJson),
  };
}

export function zoomControlRoutes(control: ZoomControl): Route[] {
  return [
    ...oauthControlRoutes('zoom', control),
    route('GET', controlPattern('zoom', 'meetings'), () => jsonReply(200, control.meetings())),
  ];
}

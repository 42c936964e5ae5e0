import { featureById, type FeatureId } from '../../shared/features';
import type { DriveSource } from '../../shared/model';
import type { GoogleAuth } from '../auth/google-auth';
import type { MicrosoftAuth } from '../auth/microsoft-auth';
import type { OAuth2Connector } from '../auth/oauth2-connector';
import type { RoomProvider } from '../auth/room-account';
import type { KioskConfig } from '../config/kiosk-config';
import type { CloudDrive } from './cloud-drive';
import { DropboxDrive } from './dropbox-drive';
import { GoogleDrive } from './google-drive';
import { OneDrive } from './onedrive';

export interface RoomDrivesDeps {
  config: KioskConfig;
  microsoft: MicrosoftAuth;
  google: GoogleAuth | null;
  dropbox: OAuth2Connector | null;
  isOn(feature: FeatureId): boolean;
  /** The room account on screen, if any. */
  room(): { provider: RoomProvider; accountKey: string } | null;
}

/** The feature that lets the room account browse each drive (Google: whole-Drive browsing, not per-file access). */
export const DRIVE_FEATURES: Readonly<Record<Exclude<DriveSource, 'my-onedrive'>, FeatureId>> = {
  onedrive: 'microsoft.files',
  'google-drive': 'google.files-browse',
  dropbox: 'dropbox.files',
};

/** The room's drives whose feature is on: OneDrive of a Microsoft room account, the connected Google Drive and Dropbox. */
export function roomDrives(deps: RoomDrivesDeps): Partial<Record<DriveSource, CloudDrive>> {
  const { config } = deps;
  const room = deps.room();
  const drives: Partial<Record<DriveSource, CloudDrive>> = {};
  if (room?.provider === 'microsoft' && deps.isOn(DRIVE_FEATURES.onedrive)) {
    const scopes = [...featureById(DRIVE_FEATURES.onedrive).scopes];
    drives.onedrive = new OneDrive(config.microsoft.graphBaseUrl, (stale) => deps.microsoft.accessToken(room.accountKey, scopes, stale !== undefined));
  }
  // Google's connection is the room account of a Google room, or the Google account connected for a Microsoft room.
  const google = deps.google;
  if (google && config.google && deps.isOn(DRIVE_FEATURES['google-drive'])) {
    drives['google-drive'] = new GoogleDrive(config.google.calendarRootUrl, () => google.accessToken());
  }
  const dropbox = deps.dropbox;
  if (dropbox && config.dropbox && deps.isOn(DRIVE_FEATURES.dropbox)) {
    drives.dropbox = new DropboxDrive(config.dropbox, (stale) => {
      if (stale !== undefined) dropbox.tokenRejected(stale);
      return dropbox.accessToken();
    });
  }
  return drives;
}

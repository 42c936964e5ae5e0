import i18next, { type TFunction } from 'i18next';
import { meetingTitle } from '../../src/renderer/components/meeting-title';
import { en } from '../../src/renderer/i18n/en';
import type { Agenda } from '../../src/shared/model';
import { sortShown, type ShownMeeting } from './room-expectation';

/** The renderer's English wording, for reading an agenda as the screen would word it. */
export async function englishWording(): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

/** The day an agenda puts on screen, titled by the renderer's own rules, in the form room-expectation.ts uses. */
export function shownByKiosk(agenda: Agenda, t: TFunction): ShownMeeting[] {
  return sortShown(
    agenda.meetings.map((m) => ({ title: meetingTitle(m, t), organizer: m.organizer, start: m.start, end: m.end, allDay: m.isAllDay, holdsRoom: m.showAs !== 'free' })),
  );
}

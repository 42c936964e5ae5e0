import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookingOptions } from '../../shared/booking-slots';
import { dayWindow } from '../../shared/room-day';
import { MEETING_SERVICE_NAMES, type Meeting, type MeetingService } from '../../shared/model';
import { useApi } from '../api/hooks';
import { formatTime } from '../i18n';
import { InvitePeopleButton } from './InviteScreen';
import { JoinButton } from './JoinButton';
import { ProviderBadge } from './ProviderBadge';
import { QrCode } from './QrCode';

/**
 * Runs a room action; a refusal goes to `onRefused` (shown by the home screen, which outlives this button: a refusal
 * usually means the room just became busy, and the button disappears with the free slot).
 */
function useRoomAction(onRefused: (message: string) => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async <R extends { ok: boolean; error?: { code: string } }>(action: () => Promise<R>): Promise<R> => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (!result.ok) onRefused(t(`error.${result.error?.code ?? 'generic'}`, { defaultValue: t('error.generic') }));
    return result;
  };
  return { run, busy };
}

/**
 * What the room's free time can become: a plain booking, or a booking with an online meeting. `service` is null
 * while the person still picks one (skipped when only one is offered: no tap without a choice).
 */
type Choice = { kind: 'book' } | { kind: 'meet'; service: MeetingService | null };

function sameChoice(a: Choice | null, b: Choice): boolean {
  return a?.kind === b.kind && (a.kind === 'book' || (b.kind === 'meet' && a.service === b.service));
}

/** Meet now, second step when several services are offered: one large button per service, with its mark. */
function ServicePicker({ services, onPick }: { services: MeetingService[]; onPick: (service: MeetingService) => void }) {
  const { t } = useTranslation();
  return (
    <div className="book-now__choices" role="group" aria-label={t('booking.whichService')}>
      <p className="book-now__question">{t('booking.whichService')}</p>
      {services.map((service) => (
        <button key={service} type="button" className="button book-now__choice book-now__service" onClick={() => onPick(service)}>
          <ProviderBadge provider={service} name={MEETING_SERVICE_NAMES[service]} />
        </button>
      ))}
    </div>
  );
}

/** "Book now" and "Meet now": the durations that fit before the next meeting, one tap each. */
export function BookNow(props: {
  meetings: Meeting[];
  now: Date;
  timeZone: string;
  canBook: boolean;
  meetNow: MeetingService[];
  onMeetingReady: (meeting: { url: string; service: MeetingService }) => void;
  onRefused: (message: string) => void;
}) {
  const { meetings, now, timeZone, canBook, meetNow } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [choice, setChoice] = useState<Choice | null>(null);
  const { run, busy } = useRoomAction(props.onRefused);
  const options = bookingOptions(meetings, now, dayWindow(now, timeZone).end);
  if (options.length === 0) return null;
  const book = async (minutes: number) => {
    if (choice?.kind === 'meet' && choice.service) {
      const service = choice.service;
      const result = await run(() => api.call('room.meetNow', { provider: service, minutes }));
      setChoice(null);
      if (result.ok) props.onMeetingReady({ url: result.output.joinUrl, service });
      return;
    }
    if ((await run(() => api.call('room.bookNow', { minutes }))).ok) setChoice(null);
  };
  const toggle = (next: Choice) => setChoice(sameChoice(choice, next) ? null : next);
  const only = meetNow.length === 1 ? meetNow[0] : undefined;
  const service = choice?.kind === 'meet' ? choice.service : null;
  return (
    <div className="book-now">
      <div className="book-now__actions">
        {meetNow.length > 0 ? (
          <button type="button" className="button button--primary button--large" aria-expanded={choice?.kind === 'meet'} onClick={() => toggle({ kind: 'meet', service: only ?? null })}>
            {t('booking.meetNow')}
          </button>
        ) : null}
        {canBook ? (
          <button type="button" className="button button--large" aria-expanded={choice?.kind === 'book'} onClick={() => toggle({ kind: 'book' })}>
            {t('booking.bookNow')}
          </button>
        ) : null}
      </div>
      {choice?.kind === 'meet' && !service ? <ServicePicker services={meetNow} onPick={(picked) => setChoice({ kind: 'meet', service: picked })} /> : null}
      {choice && (choice.kind === 'book' || service) ? (
        <div className="book-now__choices" role="group" aria-label={t('booking.howLong')} aria-busy={busy}>
          {service && !only ? <p className="book-now__question">{t('booking.meetOnFor', { service: MEETING_SERVICE_NAMES[service] })}</p> : null}
          {options.map((o) => (
            <button key={o.minutes} type="button" className="button book-now__choice" disabled={busy} onClick={() => void book(o.minutes)}>
              {o.untilNext ? t('booking.untilNext', { time: formatTime(o.until, timeZone, i18n.language) }) : t('booking.minutes', { count: o.minutes })}
            </button>
          ))}
          {busy && service ? <p className="book-now__question" role="status">{t('booking.creating', { service: MEETING_SERVICE_NAMES[service] })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The new meeting's link as a QR code, so people join from their phones too; stays until closed. Join is here as
 * well (once the agenda holds the booking) because joining on the room's screen is what the room does next.
 */
export function MeetingReady({ url, service, meeting, onClose }: { url: string; service: MeetingService; meeting: Meeting | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="meeting-ready" role="dialog" aria-label={t('booking.ready')} data-testid="meeting-ready">
      <QrCode value={url} label={t('booking.qrAlt')} size={380} />
      <div className="meeting-ready__text">
        <ProviderBadge provider={service} name={MEETING_SERVICE_NAMES[service]} />
        <p className="meeting-ready__title">{t('booking.ready')}</p>
        <p className="muted">{t('booking.scanToJoin')}</p>
        <p className="meeting-ready__url" data-testid="meeting-url">{url}</p>
        <div className="meeting-ready__actions">
          {meeting ? <JoinButton meeting={meeting} large showProvider={false} /> : null}
          <InvitePeopleButton primary={!meeting} />
          <button type="button" className="button" onClick={onClose}>{t('booking.close')}</button>
        </div>
      </div>
    </div>
  );
}

/** On a booking made here: more time, or give the room back early. */
export function OwnBookingActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const { run, busy } = useRoomAction(setError);
  if (!meeting.bookedHere) return null;
  return (
    <div className="own-booking">
      <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.call('room.extend', { minutes: 15 }))}>
        {t('booking.extend', { count: 15 })}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.call('room.endNow', {}))}>
        {t('booking.endNow')}
      </button>
      <InvitePeopleButton />
      {error ? <p className="join__error" role="alert">{error}</p> : null}
    </div>
  );
}

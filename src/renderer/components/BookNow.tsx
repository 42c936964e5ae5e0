import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookingOptions } from '../../shared/booking-slots';
import type { Meeting } from '../../shared/model';
import { useApi } from '../api/hooks';
import { formatTime } from '../i18n';

/** The end of the room's day, for "never past midnight" (the renderer knows only the room's zone). */
function endOfDay(now: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const elapsed = ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000;
  return new Date(now.getTime() - elapsed + 24 * 3_600_000);
}

function useRoomAction() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<{ ok: boolean; error?: { code: string } }>) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setError(result.ok ? null : t(`error.${result.error?.code ?? 'generic'}`, { defaultValue: t('error.generic') }));
    return result.ok;
  };
  return { run, error, busy };
}

/** "Book now": the durations that fit before the next meeting, one tap each. */
export function BookNow({ meetings, now, timeZone }: { meetings: Meeting[]; now: Date; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const { run, error, busy } = useRoomAction();
  const options = bookingOptions(meetings, now, endOfDay(now, timeZone));
  // A refused booking usually means the room just became busy: keep saying why after the choices are gone.
  if (options.length === 0) return error ? <p className="notice" role="alert">{error}</p> : null;
  const book = async (minutes: number) => {
    if (await run(() => api.call('room.bookNow', { minutes }))) setOpen(false);
  };
  return (
    <div className="book-now">
      <button type="button" className="button button--primary button--large" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('booking.bookNow')}
      </button>
      {open ? (
        <div className="book-now__choices" role="group" aria-label={t('booking.howLong')}>
          {options.map((o) => (
            <button key={o.minutes} type="button" className="button book-now__choice" disabled={busy} onClick={() => void book(o.minutes)}>
              {o.untilNext ? t('booking.untilNext', { time: formatTime(o.until, timeZone, i18n.language) }) : t('booking.minutes', { count: o.minutes })}
            </button>
          ))}
        </div>
      ) : null}
      {error ? <p className="join__error" role="alert">{error}</p> : null}
    </div>
  );
}

/** On a booking made here: more time, or give the room back early. */
export function OwnBookingActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const api = useApi();
  const { run, error, busy } = useRoomAction();
  if (!meeting.bookedHere) return null;
  return (
    <div className="own-booking">
      <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.call('room.extend', { minutes: 15 }))}>
        {t('booking.extend', { count: 15 })}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.call('room.endNow', {}))}>
        {t('booking.endNow')}
      </button>
      {error ? <p className="join__error" role="alert">{error}</p> : null}
    </div>
  );
}

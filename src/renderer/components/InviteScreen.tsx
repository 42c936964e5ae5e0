import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailKey, MAX_INVITEES, MAX_QUERY_LENGTH, type InviteOptions, type Person } from '../../shared/invite';
import { useApi } from '../api/hooks';
import { TouchKeyboard } from './TouchKeyboard';

/** Wait this long after the last key before searching: one request per pause, not one per letter. */
const SEARCH_DEBOUNCE_MS = 350;

type Found = { kind: 'idle' } | { kind: 'searching' } | { kind: 'people'; people: Person[]; partial: boolean } | { kind: 'error'; message: string };
type Sending = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; count: number; mailed: boolean } | { kind: 'failed'; message: string };

/**
 * The directory search behind the on-screen keyboard. Each pause in typing sends one search; an answer that arrives
 * after a newer question was asked is dropped, so the rows always match the text in the field.
 */
function useDirectorySearch(query: string, enabled: boolean): Found {
  const api = useApi();
  const { t } = useTranslation();
  const [found, setFound] = useState<Found>({ kind: 'idle' });
  const latest = useRef(0);
  useEffect(() => {
    const text = query.trim();
    const asked = ++latest.current;
    if (!enabled || text === '') {
      setFound({ kind: 'idle' });
      return;
    }
    setFound({ kind: 'searching' });
    const timer = window.setTimeout(() => {
      void api.call('invite.search', { query: text }).then((result) => {
        if (asked !== latest.current) return;
        if (result.ok) setFound({ kind: 'people', people: result.output.people, partial: result.output.unavailable.length > 0 });
        else setFound({ kind: 'error', message: t(`error.${result.error.code}`, { defaultValue: t('error.generic') }) });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [api, query, enabled, t]);
  return found;
}

function Results({ found, chosen, onToggle }: { found: Found; chosen: Person[]; onToggle: (person: Person) => void }) {
  const { t } = useTranslation();
  if (found.kind === 'idle') return <p className="invite__hint muted">{t('invite.typeToSearch')}</p>;
  if (found.kind === 'searching') return <p className="invite__hint muted" role="status">{t('invite.searching')}</p>;
  if (found.kind === 'error') return <p className="invite__hint invite__problem" role="alert">{found.message}</p>;
  const picked = new Set(chosen.map((person) => emailKey(person.email)));
  return (
    <div className="invite__results">
      {found.partial ? <p className="muted" role="status">{t('invite.partial')}</p> : null}
      {found.people.length === 0 ? <p className="invite__hint" role="status">{t('invite.nobody')}</p> : null}
      <ul className="invite__list" aria-label={t('invite.results')}>
        {found.people.map((person) => {
          const isPicked = picked.has(emailKey(person.email));
          return (
            <li key={person.email}>
              <button type="button" className={`invite__row${isPicked ? ' invite__row--picked' : ''}`} aria-pressed={isPicked} onClick={() => onToggle(person)}>
                <span className="invite__mark" aria-hidden="true">{isPicked ? '✓' : '+'}</span>
                <span className="invite__who">
                  <span className="invite__name">{person.name}</span>
                  <span className="invite__email">{person.email}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Chips({ chosen, onRemove }: { chosen: Person[]; onRemove: (person: Person) => void }) {
  const { t } = useTranslation();
  if (chosen.length === 0) return <p className="muted">{t('invite.noneChosen')}</p>;
  return (
    <ul className="invite__chips" aria-label={t('invite.chosen')}>
      {chosen.map((person) => (
        <li key={person.email}>
          <button type="button" className="chip" aria-label={t('invite.remove', { name: person.name })} onClick={() => onRemove(person)}>
            {person.name} <span aria-hidden="true">✕</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Invite people": type on the on-screen keyboard, tap people to add them, send. A failed send keeps everyone chosen,
 * so "Send invitation" can simply be tapped again.
 */
export function InviteScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [options, setOptions] = useState<InviteOptions | null>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Person[]>([]);
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });
  useEffect(() => {
    void api.call('invite.options', {}).then((result) => setOptions(result.ok ? result.output : { directories: [], mail: false, booking: false }));
  }, [api]);
  const searchOn = (options?.directories.length ?? 0) > 0;
  const found = useDirectorySearch(query, searchOn);
  const toggle = (person: Person) =>
    setChosen((list) => (list.some((p) => emailKey(p.email) === emailKey(person.email)) ? list.filter((p) => emailKey(p.email) !== emailKey(person.email)) : list.length >= MAX_INVITEES ? list : [...list, person]));
  const send = async () => {
    setSending({ kind: 'sending' });
    const result = await api.call('invite.send', { people: chosen });
    if (result.ok) setSending({ kind: 'sent', count: chosen.length, mailed: result.output.mailed });
    else setSending({ kind: 'failed', message: t(`error.${result.error.code}`, { defaultValue: t('error.generic') }) });
  };
  if (sending.kind === 'sent') {
    return (
      <div className="dialog" data-testid="invite-screen">
        <div className="dialog__body invite invite--done" role="dialog" aria-label={t('invite.title')}>
          <p className="dialog__title" role="status">{t(sending.mailed ? 'invite.sentMail' : 'invite.sentCalendar', { count: sending.count })}</p>
          <button type="button" className="button button--primary button--large" onClick={onClose}>{t('invite.done')}</button>
        </div>
      </div>
    );
  }
  return (
    <div className="dialog" data-testid="invite-screen">
      <div className="dialog__body invite" role="dialog" aria-label={t('invite.title')}>
        <div className="invite__top">
          <h2 className="dialog__title">{t('invite.title')}</h2>
          <button type="button" className="button" onClick={onClose}>{t('booking.close')}</button>
        </div>
        {options && !searchOn ? <p className="invite__problem" role="alert">{t('invite.directoryOff')}</p> : null}
        {options && !options.booking ? <p className="invite__problem" role="alert">{t('error.no-own-booking')}</p> : null}
        {searchOn ? (
          <div className="invite__search">
            <div className="invite__typing">
              <label className="invite__label" htmlFor="invite-query">{t('invite.search')}</label>
              {/* inputMode none: no OS keyboard pops up over the screen; the keyboard below types here. */}
              <input id="invite-query" className="invite__field" value={query} inputMode="none" autoComplete="off" spellCheck={false} maxLength={MAX_QUERY_LENGTH} onChange={(event) => setQuery(event.target.value.slice(0, MAX_QUERY_LENGTH))} />
              <TouchKeyboard value={query} onChange={setQuery} maxLength={MAX_QUERY_LENGTH} />
            </div>
            <Results found={found} chosen={chosen} onToggle={toggle} />
          </div>
        ) : null}
        {searchOn ? (
          <div className="invite__bottom">
            {sending.kind === 'failed' ? <p className="invite__problem invite__problem--wide" role="alert">{sending.message}</p> : null}
            <Chips chosen={chosen} onRemove={toggle} />
            <button type="button" className="button button--primary button--large" disabled={chosen.length === 0 || sending.kind === 'sending' || options?.booking === false} onClick={() => void send()}>
              {/* With nobody chosen yet the button says what it will do, not "to 0 people". */}
              {sending.kind === 'sending' ? t('invite.sending') : t('invite.send', { count: Math.max(chosen.length, 1) })}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** "Invite people" next to a booking made here: opens the invite screen over everything. */
export function InvitePeopleButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>{t('invite.open')}</button>
      {open ? <InviteScreen onClose={() => setOpen(false)} /> : null}
    </>
  );
}

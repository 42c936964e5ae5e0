import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailKey, MAX_INVITEES, MAX_QUERY_LENGTH, type InviteOptions, type Person } from '../../shared/invite';
import { useApi } from '../api/hooks';
import { TouchKeyboard } from './TouchKeyboard';

type Found = { kind: 'idle' } | { kind: 'searching' } | { kind: 'people'; people: Person[]; partial: boolean } | { kind: 'error'; message: string };

/** Wait this long after the last key before searching: one request per pause, not one per letter. */
const SEARCH_DEBOUNCE_MS = 350;

/**
 * The directory search behind the on-screen keyboard. Each pause in typing sends one search; an answer that arrives
 * after a newer question was asked is dropped, so the rows always match the text in the field.
 */
function useDirectorySearch(query: string): Found {
  const api = useApi();
  const { t } = useTranslation();
  const [found, setFound] = useState<Found>({ kind: 'idle' });
  const latest = useRef(0);
  useEffect(() => {
    const text = query.trim();
    const asked = ++latest.current;
    if (text === '') {
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
  }, [api, query, t]);
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

export function Chips({ chosen, onRemove }: { chosen: Person[]; onRemove: (person: Person) => void }) {
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

/** What the room may do for Invite and Send: its directories, mail, a booking in progress (null while loading). */
export function useInviteOptions(): InviteOptions | null {
  const api = useApi();
  const [options, setOptions] = useState<InviteOptions | null>(null);
  useEffect(() => {
    void api.call('invite.options', {}).then((result) => setOptions(result.ok ? result.output : { directories: [], mail: false, booking: false }));
  }, [api]);
  return options;
}

/** `person` added to the chosen people, or removed if already there (at most MAX_INVITEES). */
export function toggledPerson(list: readonly Person[], person: Person): Person[] {
  const key = emailKey(person.email);
  if (list.some((p) => emailKey(p.email) === key)) return list.filter((p) => emailKey(p.email) !== key);
  return list.length >= MAX_INVITEES ? [...list] : [...list, person];
}

/** The directory search on the on-screen keyboard, and the people it found (tap to choose); shown while search is on. */
export function PeopleSearch({ chosen, onToggle }: { chosen: Person[]; onToggle: (person: Person) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const found = useDirectorySearch(query);
  return (
    <div className="invite__search">
      <div className="invite__typing">
        <label className="invite__label" htmlFor="invite-query">{t('invite.search')}</label>
        {/* inputMode none: no OS keyboard pops up over the screen; the keyboard below types here. */}
        <input id="invite-query" className="invite__field" value={query} inputMode="none" autoComplete="off" spellCheck={false} maxLength={MAX_QUERY_LENGTH} onChange={(event) => setQuery(event.target.value.slice(0, MAX_QUERY_LENGTH))} />
        <TouchKeyboard value={query} onChange={setQuery} maxLength={MAX_QUERY_LENGTH} />
      </div>
      <Results found={found} chosen={chosen} onToggle={onToggle} />
    </div>
  );
}

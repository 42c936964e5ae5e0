import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinLink, Meeting } from '../../shared/model';
import { useApi } from '../api/hooks';
import { ProviderBadge } from './ProviderBadge';
import { meetingTitle } from './meeting-title';

/** The meeting's links in the order main ranked them: the chosen one, then the alternatives. */
function linksOf(meeting: Meeting): JoinLink[] {
  return meeting.join ? [meeting.join, ...meeting.otherJoins] : [];
}

/** One tap joins: main resolves the link from its own copy of the meeting, never from anything the page sends. */
function useJoin(meeting: Meeting) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const join = async (linkIndex: number) => {
    const result = await api.call('meeting.join', { meetingId: meeting.id, linkIndex });
    setError(result.ok ? null : t(`error.${result.error.code}`, { defaultValue: t('error.generic') }));
  };
  return { join, error };
}

export function JoinButton({ meeting, large = false, showProvider = true }: { meeting: Meeting; large?: boolean; showProvider?: boolean }) {
  const { t } = useTranslation();
  const { join, error } = useJoin(meeting);
  if (!meeting.join) return null;
  return (
    <span className="join">
      {showProvider ? <ProviderBadge provider={meeting.join.provider} name={meeting.join.providerName} /> : null}
      <button
        type="button"
        className={`button button--join${large ? ' button--large' : ''}`}
        aria-label={t('home.joinNamed', { subject: meetingTitle(meeting, t) })}
        onClick={() => void join(0)}
      >
        {t('home.join')}
      </button>
      {error ? <span className="join__error" role="alert">{error}</span> : null}
    </span>
  );
}

/** When an invitation carries several services, people can pick another (e.g. the Zoom fallback of a Teams call). */
export function OtherJoins({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { join, error } = useJoin(meeting);
  const [open, setOpen] = useState(false);
  const others = linksOf(meeting).slice(1);
  if (others.length === 0) return null;
  return (
    <div className="other-joins">
      <button type="button" className="button button--quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('home.otherWays', { count: others.length })}
      </button>
      {open ? (
        <ul className="other-joins__list">
          {others.map((link, i) => (
            <li key={link.url}>
              <button
                type="button"
                className="button other-joins__item"
                aria-label={t('home.joinNamedOn', { subject: meetingTitle(meeting, t), provider: link.providerName })}
                onClick={() => void join(i + 1)}
              >
                <ProviderBadge provider={link.provider} name={link.providerName} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <span className="join__error" role="alert">{error}</span> : null}
    </div>
  );
}

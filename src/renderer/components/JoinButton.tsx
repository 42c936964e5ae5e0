import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../shared/model';
import { useApi } from '../api/hooks';
import { ProviderBadge } from './ProviderBadge';
import { meetingTitle } from './meeting-title';

/** One tap joins: main resolves the link from its own copy of the meeting, never from anything the page sends. */
export function JoinButton({ meeting, large = false, showProvider = true }: { meeting: Meeting; large?: boolean; showProvider?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  if (!meeting.join) return null;
  const join = async () => {
    const result = await api.call('meeting.join', { meetingId: meeting.id, linkIndex: 0 });
    setError(result.ok ? null : t(`error.${result.error.code}`, { defaultValue: t('error.generic') }));
  };
  return (
    <span className="join">
      {showProvider ? <ProviderBadge provider={meeting.join.provider} name={meeting.join.providerName} /> : null}
      <button
        type="button"
        className={`button button--join${large ? ' button--large' : ''}`}
        aria-label={t('home.joinNamed', { subject: meetingTitle(meeting, t) })}
        onClick={() => void join()}
      >
        {t('home.join')}
      </button>
      {error ? <span className="join__error" role="alert">{error}</span> : null}
    </span>
  );
}

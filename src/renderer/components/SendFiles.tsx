import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/invite';
import type { WorkspaceFile } from '../../shared/model';
import { useApi } from '../api/hooks';
import { Chips, PeopleSearch, toggledPerson, useInviteOptions } from './PeopleSearch';

type Sending = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; people: number; attached: string[]; linked: string[] } | { kind: 'failed'; message: string };

/**
 * Send: the chosen workspace files go from the room's mailbox to people found in the directory — attached while
 * they fit the provider's limit, otherwise as a sharing link. A failed send keeps everyone chosen.
 */
export function SendFiles({ files, onClose }: { files: WorkspaceFile[]; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const options = useInviteOptions();
  const [chosen, setChosen] = useState<Person[]>([]);
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });
  const ready = options !== null && options.mail && options.directories.length > 0;
  const send = async () => {
    setSending({ kind: 'sending' });
    const result = await api.call('files.send', { ids: files.map((file) => file.id), people: chosen });
    if (result.ok) setSending({ kind: 'sent', people: chosen.length, ...result.output });
    else setSending({ kind: 'failed', message: t(`error.${result.error.code}`, { defaultValue: t('error.generic') }) });
  };
  if (sending.kind === 'sent') {
    return (
      <div className="dialog">
        <section className="dialog__body" role="dialog" aria-label={t('files.sendTitle')}>
          <p className="dialog__title" role="status">{t('files.sent', { count: sending.people })}</p>
          {sending.attached.length > 0 ? <p>{t('files.sentAttached', { names: sending.attached.join(', ') })}</p> : null}
          {sending.linked.length > 0 ? <p>{t('files.sentLinked', { names: sending.linked.join(', ') })}</p> : null}
          <button type="button" className="button button--primary button--large" onClick={onClose}>{t('files.cleanDone')}</button>
        </section>
      </div>
    );
  }
  return (
    <div className="dialog">
      <section className="dialog__body invite" role="dialog" aria-label={t('files.sendTitle')}>
        <div className="invite__top">
          <h2 className="dialog__title">{t('files.sendTitle')}</h2>
          <button type="button" className="button" onClick={onClose}>{t('booking.close')}</button>
        </div>
        <p className="muted">{files.map((file) => file.name).join(', ')}</p>
        {options && !ready ? <p className="invite__problem" role="alert">{t('files.mailOff')}</p> : null}
        {ready ? <PeopleSearch chosen={chosen} onToggle={(person) => setChosen((list) => toggledPerson(list, person))} /> : null}
        {ready ? (
          <div className="invite__bottom">
            {sending.kind === 'failed' ? <p className="invite__problem invite__problem--wide" role="alert">{sending.message}</p> : null}
            <Chips chosen={chosen} onRemove={(person) => setChosen((list) => toggledPerson(list, person))} />
            <button type="button" className="button button--primary button--large" disabled={chosen.length === 0 || sending.kind === 'sending'} onClick={() => void send()}>
              {sending.kind === 'sending' ? t('invite.sending') : t('files.sendTo', { count: Math.max(chosen.length, 1) })}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}

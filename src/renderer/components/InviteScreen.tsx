import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/invite';
import { useApi } from '../api/hooks';
import { Chips, PeopleSearch, toggledPerson, useInviteOptions } from './PeopleSearch';

type Sending = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; count: number; mailed: boolean } | { kind: 'failed'; message: string };

/**
 * "Invite people": type on the on-screen keyboard, tap people to add them, send. A failed send keeps everyone chosen,
 * so "Send invitation" can simply be tapped again.
 */
export function InviteScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const options = useInviteOptions();
  const [chosen, setChosen] = useState<Person[]>([]);
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });
  const searchOn = (options?.directories.length ?? 0) > 0;
  const toggle = (person: Person) => setChosen((list) => toggledPerson(list, person));
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
        {searchOn ? <PeopleSearch chosen={chosen} onToggle={toggle} /> : null}
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
export function InvitePeopleButton({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={primary ? 'button button--primary' : 'button'} onClick={() => setOpen(true)}>{t('invite.open')}</button>
      {open ? <InviteScreen onClose={() => setOpen(false)} /> : null}
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/hooks';
import { PinPad } from '../components/PinPad';
import { formatTime } from '../i18n';

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The admin PIN gate in front of the settings, in plain words when the PIN is wrong or locked. */
export function PinScreen({ onUnlocked, onCancel }: { onUnlocked: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const submit = async () => {
    const result = await api.call('admin.unlock', { pin });
    setPin('');
    if (!result.ok) return setMessage(t('error.generic'));
    if (result.output.unlocked) return onUnlocked();
    const out = result.output;
    setMessage(
      out.reason === 'locked' && out.lockedUntil
        ? t('pin.locked', { time: formatTime(out.lockedUntil, localZone, i18n.language) })
        : out.reason === 'no-pin'
          ? t('pin.noPin')
          : t('pin.wrong', { count: out.attemptsLeft }),
    );
  };
  return (
    <main className="screen screen--center pin">
      <h1 className="headline">{t('pin.title')}</h1>
      {message ? <p className="notice" role="alert">{message}</p> : null}
      <PinPad pin={pin} onChange={setPin} onSubmit={() => void submit()} hint={t('pin.hint')} />
      <button type="button" className="button button--quiet" onClick={onCancel}>{t('pin.cancel')}</button>
    </main>
  );
}

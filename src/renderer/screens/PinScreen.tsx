import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/hooks';
import { formatTime } from '../i18n';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A touch PIN pad: big keys, the PIN shown as dots only, and plain words when it is wrong or locked. */
export function PinScreen({ onUnlocked, onCancel }: { onUnlocked: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const press = (digit: string) => setPin((p) => (p.length < 12 ? p + digit : p));
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
      <p className="pin__dots" aria-label={t('pin.entered', { count: pin.length })}>
        {pin.length === 0 ? <span className="muted">{t('pin.hint')}</span> : '●'.repeat(pin.length)}
      </p>
      {message ? <p className="notice" role="alert">{message}</p> : null}
      <div className="pin__pad">
        {DIGITS.map((d) => (
          <button key={d} type="button" className="button pin__key" onClick={() => press(d)}>{d}</button>
        ))}
        <button type="button" className="button pin__key" aria-label={t('pin.delete')} onClick={() => setPin((p) => p.slice(0, -1))}>⌫</button>
        <button type="button" className="button pin__key" onClick={() => press('0')}>0</button>
        <button type="button" className="button button--primary pin__key" disabled={pin.length < 4} onClick={() => void submit()}>{t('pin.ok')}</button>
      </div>
      <button type="button" className="button button--quiet" onClick={onCancel}>{t('pin.cancel')}</button>
    </main>
  );
}

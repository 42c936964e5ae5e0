import { useTranslation } from 'react-i18next';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A touch PIN pad: big keys and the PIN shown as dots only (the admin screen and the wizard's PIN step). */
export function PinPad({ pin, onChange, onSubmit, hint }: { pin: string; onChange: (pin: string) => void; onSubmit: () => void; hint: string }) {
  const { t } = useTranslation();
  const press = (digit: string) => onChange(pin.length < 12 ? pin + digit : pin);
  return (
    <>
      <p className="pin__dots" aria-label={t('pin.entered', { count: pin.length })}>
        {pin.length === 0 ? <span className="muted">{hint}</span> : '●'.repeat(pin.length)}
      </p>
      <div className="pin__pad">
        {DIGITS.map((d) => (
          <button key={d} type="button" className="button pin__key" onClick={() => press(d)}>{d}</button>
        ))}
        <button type="button" className="button pin__key" aria-label={t('pin.delete')} onClick={() => onChange(pin.slice(0, -1))}>⌫</button>
        <button type="button" className="button pin__key" onClick={() => press('0')}>0</button>
        <button type="button" className="button button--primary pin__key" disabled={pin.length < 4} onClick={onSubmit}>{t('pin.ok')}</button>
      </div>
    </>
  );
}

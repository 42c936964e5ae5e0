import { useTranslation } from 'react-i18next';
import { applyKey, KEY_ROWS, type Key } from './touch-keyboard';

function keyLabel(key: Key, t: (key: string) => string): string {
  if (key.kind === 'char') return key.char;
  return t(`keyboard.${key.kind}`);
}

/**
 * A keyboard drawn on the screen: kiosk mode shows no OS keyboard (and Windows' touch keyboard is unreliable in
 * Electron), so every key is a big button here. Keys never take focus away from what is being typed.
 */
export function TouchKeyboard({ value, onChange, maxLength }: { value: string; onChange: (next: string) => void; maxLength: number }) {
  const { t } = useTranslation();
  return (
    <div className="keyboard" role="group" aria-label={t('keyboard.label')} data-testid="touch-keyboard">
      {KEY_ROWS.map((row, index) => (
        <div className="keyboard__row" key={index}>
          {row.map((key) => {
            const label = keyLabel(key, t);
            return (
              <button
                key={label}
                type="button"
                className={`keyboard__key keyboard__key--${key.kind}`}
                aria-label={key.kind === 'char' ? undefined : label}
                onPointerDown={(event) => event.preventDefault()}
                onClick={() => onChange(applyKey(value, key, maxLength))}
              >
                {key.kind === 'backspace' ? '⌫' : label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../shared/api';
import type { HealthCheckView, HealthView } from '../../shared/health';
import { ADMIN_IDLE_MS, useApi, useIdleTimeout } from '../api/hooks';

/** Shape and word with the colour: a problem must read as one without colour vision. */
const MARK = { ok: '●', warn: '▲', bad: '■' } as const;

function CheckRow({ check }: { check: HealthCheckView }) {
  const { t, i18n } = useTranslation();
  const since = new Date(check.since).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <li className={`health-check health-check--${check.status}`} data-testid={`health-${check.id}`} data-status={check.status}>
      <span className="health-check__status">
        <span aria-hidden="true">{MARK[check.status]}</span> {t(`health.status.${check.status}`)}
      </span>
      <div className="health-check__text">
        <h2 className="health-check__title">{t(`health.check.${check.id}`)}</h2>
        <p>{t(`health.reason.${check.reason}`, { ...check.params, defaultValue: t('health.reason.unknown') })}</p>
        <p className="muted">{t('health.since', { time: since })}</p>
      </div>
    </li>
  );
}

/** The self-checks, behind the admin PIN (main answers `admin-locked` otherwise): reached from Settings. */
export function HealthScreen({ onBack, onClose }: { onBack: () => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [view, setView] = useState<HealthView | null>(null);
  const [checking, setChecking] = useState(false);
  // Anything but a view means the admin session ended (idle in main): back to the room screen.
  const show = useCallback((result: CallResult<'health.get'>) => (result.ok ? setView(result.output) : onClose()), [onClose]);
  useEffect(() => {
    void api.call('health.get', {}).then(show);
  }, [api, show]);
  const close = useCallback(() => {
    void api.call('admin.lock', {});
    onClose();
  }, [api, onClose]);
  useIdleTimeout(ADMIN_IDLE_MS, close);
  const checkNow = async () => {
    setChecking(true);
    show(await api.call('health.check', {}));
    setChecking(false);
  };
  const checkedAt = view?.checkedAt ? new Date(view.checkedAt).toLocaleTimeString(i18n.language, { timeStyle: 'short' }) : null;
  return (
    <main className="screen settings health">
      <header className="settings__header">
        <h1 className="headline">{t('health.title')}</h1>
        <div className="settings__actions">
          <button type="button" className="button" onClick={() => void checkNow()} disabled={checking} aria-busy={checking}>
            {checking ? t('health.checking') : t('health.checkNow')}
          </button>
          <button type="button" className="button button--primary" onClick={onBack}>{t('health.back')}</button>
        </div>
      </header>
      <p className="lead">{checkedAt ? t('health.checkedAt', { time: checkedAt }) : t('health.notChecked')}</p>
      {view ? <p className="health__mail" data-testid="health-mail" data-mail={view.mail}>{t(`health.mail.${view.mail}`)}</p> : null}
      <ul className="health__checks">
        {(view?.checks ?? []).map((check) => <CheckRow key={check.id} check={check} />)}
      </ul>
    </main>
  );
}

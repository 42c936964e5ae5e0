import { useTranslation } from 'react-i18next';
import type { ConsentPrompt } from '../../shared/model';
import { useApi } from '../api/hooks';
import { QrCode } from './QrCode';

/** While a provider waits for consent: exactly which scopes are being asked for, and where to approve them. */
export function ConsentDialog({ consent, providerName }: { consent: ConsentPrompt; providerName: string }) {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="consent-title">
      <div className="dialog__body">
        <h2 id="consent-title" className="dialog__title">{t('consent.title', { provider: providerName })}</h2>
        <p>{t('consent.asking')}</p>
        <ul className="scopes" aria-label={t('consent.scopes')}>
          {consent.scopes.map((s) => <li key={s} className="scope">{s}</li>)}
        </ul>
        {consent.deviceCode ? (
          <div className="device-code device-code--compact">
            <QrCode value={consent.deviceCode.verificationUri} label={t('signIn.qrAlt', { url: consent.deviceCode.verificationUri })} size={220} />
            <div>
              <p className="step-label">{t('signIn.step1')}</p>
              <p className="device-code__url" data-testid="consent-verification-uri">{consent.deviceCode.verificationUri}</p>
              <p className="step-label">{t('signIn.step2')}</p>
              <p className="device-code__code" data-testid="consent-user-code">{consent.deviceCode.userCode}</p>
            </div>
          </div>
        ) : consent.browserUrl ? (
          <p className="lead" data-testid="consent-browser">{t('consent.inBrowser')}</p>
        ) : (
          <p className="lead">{t('consent.starting')}</p>
        )}
        <button type="button" className="button button--quiet" onClick={() => void api.call('settings.cancelConsent', {})}>{t('signIn.cancel')}</button>
      </div>
    </div>
  );
}

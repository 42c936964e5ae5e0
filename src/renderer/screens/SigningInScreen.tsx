import { useTranslation } from 'react-i18next';
import type { DeviceCodePrompt, SignInMethod } from '../../shared/model';
import { useApi } from '../api/hooks';
import { QrCode } from '../components/QrCode';
import { formatTime } from '../i18n';

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SigningInScreen({ method, deviceCode, browserUrl }: { method: SignInMethod; deviceCode: DeviceCodePrompt | null; browserUrl: string | null }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const cancel = () => void api.call('setup.cancelSignIn', {});
  return (
    <main className="screen screen--center signing-in">
      <h1 className="headline">{t('signIn.title')}</h1>
      {deviceCode ? (
        <div className="device-code">
          <QrCode value={deviceCode.verificationUri} label={t('signIn.qrAlt', { url: deviceCode.verificationUri })} />
          <ol className="device-code__steps">
            <li>
              <span className="step-label">{t('signIn.step1')}</span>
              <span className="device-code__url" data-testid="verification-uri">{deviceCode.verificationUri}</span>
            </li>
            <li>
              <span className="step-label">{t('signIn.step2')}</span>
              <span className="device-code__code" data-testid="user-code" aria-label={deviceCode.userCode.split('').join(' ')}>
                {deviceCode.userCode}
              </span>
            </li>
          </ol>
          <p className="muted">{t('signIn.expires', { time: formatTime(deviceCode.expiresAt, localZone, i18n.language) })}</p>
        </div>
      ) : null}
      <p className="lead" aria-live="polite" data-testid={browserUrl ? 'browser-open' : undefined}>
        {method === 'browser' ? t('signIn.browserWaiting') : t('signIn.waiting')}
      </p>
      <button type="button" className="button button--quiet" onClick={cancel}>
        {t('signIn.cancel')}
      </button>
    </main>
  );
}

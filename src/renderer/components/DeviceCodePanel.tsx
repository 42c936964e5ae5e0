import { useTranslation } from 'react-i18next';
import type { DeviceCodePrompt } from '../../shared/model';
import { formatTime } from '../i18n';
import { QrCode } from './QrCode';

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Sign in from a phone: the QR code of the sign-in page, its address, and the code to enter there. */
export function DeviceCodePanel({ deviceCode }: { deviceCode: DeviceCodePrompt }) {
  const { t, i18n } = useTranslation();
  return (
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
  );
}

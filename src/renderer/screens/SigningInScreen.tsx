import { useTranslation } from 'react-i18next';
import type { DeviceCodePrompt, SignInMethod } from '../../shared/model';
import { useApi } from '../api/hooks';
import { DeviceCodePanel } from '../components/DeviceCodePanel';

export function SigningInScreen({ method, deviceCode, browserUrl }: { method: SignInMethod; deviceCode: DeviceCodePrompt | null; browserUrl: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const cancel = () => void api.call('setup.cancelSignIn', {});
  return (
    <main className="screen screen--center signing-in">
      <h1 className="headline">{t('signIn.title')}</h1>
      {deviceCode ? <DeviceCodePanel deviceCode={deviceCode} /> : null}
      <p className="lead" aria-live="polite" data-testid={browserUrl ? 'browser-open' : undefined}>
        {method === 'browser' ? t('signIn.browserWaiting') : t('signIn.waiting')}
      </p>
      <button type="button" className="button button--quiet" onClick={cancel}>
        {t('signIn.cancel')}
      </button>
    </main>
  );
}

import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/model';
import { useApi } from '../api/hooks';
import { NoticeBanner } from '../components/NoticeBanner';
import { ManagedNote } from '../components/RoomSettingsControls';

type RoomProvider = 'microsoft' | 'google';

/** The room account step: its provider (only IT's, when the policy names one), the tenant, and the sign-in. */
export function SetupScreen({ notice, providers, tenant = null, providerManaged = false }: { notice: Notice | null; providers: RoomProvider[]; tenant?: string | null; providerManaged?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const signIn = (provider: RoomProvider, method: 'device-code' | 'browser') => void api.call('setup.signIn', { provider, method });
  return (
    <main className="screen screen--center setup">
      <h1 className="headline">{t('setup.title')}</h1>
      <p className="lead">{t('setup.subtitle')}</p>
      <NoticeBanner notice={notice} />
      {tenant && providers.includes('microsoft') ? <p className="muted" data-testid="tenant">{t('setup.tenant', { tenant })}</p> : null}
      <ManagedNote show={providerManaged} />
      <div className="stack">
        {providers.includes('microsoft') ? (
          <>
            <button type="button" className="button button--primary button--large" onClick={() => signIn('microsoft', 'device-code')}>
              <span className="brand-mark brand-mark--microsoft" aria-hidden="true" />
              {t('setup.signInMicrosoft')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => signIn('microsoft', 'browser')}>
              {t('setup.signInBrowser')}
            </button>
          </>
        ) : null}
        {providers.includes('google') ? (
          <button type="button" className="button button--large" onClick={() => signIn('google', 'browser')}>
            <span className="brand-mark brand-mark--google" aria-hidden="true" />
            {t('setup.signInGoogle')}
          </button>
        ) : null}
      </div>
    </main>
  );
}

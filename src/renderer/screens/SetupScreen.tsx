import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/model';
import { useApi } from '../api/hooks';
import { NoticeBanner } from '../components/NoticeBanner';

type RoomProvider = 'microsoft' | 'google';

export function SetupScreen({ notice, providers }: { notice: Notice | null; providers: RoomProvider[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const signIn = (provider: RoomProvider, method: 'device-code' | 'browser') => void api.call('setup.signIn', { provider, method });
  return (
    <main className="screen screen--center setup">
      <h1 className="headline">{t('setup.title')}</h1>
      <p className="lead">{t('setup.subtitle')}</p>
      <NoticeBanner notice={notice} />
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

import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/model';
import { useApi } from '../api/hooks';
import { NoticeBanner } from '../components/NoticeBanner';

export function SetupScreen({ notice }: { notice: Notice | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const signIn = (method: 'device-code' | 'browser') => void api.call('setup.signIn', { provider: 'microsoft', method });
  return (
    <main className="screen screen--center setup">
      <h1 className="headline">{t('setup.title')}</h1>
      <p className="lead">{t('setup.subtitle')}</p>
      <NoticeBanner notice={notice} />
      <div className="stack">
        <button type="button" className="button button--primary button--large" onClick={() => signIn('device-code')}>
          <span className="brand-mark brand-mark--microsoft" aria-hidden="true" />
          {t('setup.signInMicrosoft')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => signIn('browser')}>
          {t('setup.signInBrowser')}
        </button>
      </div>
    </main>
  );
}

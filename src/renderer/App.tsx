import { useTranslation } from 'react-i18next';
import { useAppState, useOpenUrlRequests } from './api/hooks';
import { CalendarChoiceScreen } from './screens/CalendarChoiceScreen';
import { HomeScreen } from './screens/HomeScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SigningInScreen } from './screens/SigningInScreen';

export function App() {
  const state = useAppState();
  const { t } = useTranslation();
  useOpenUrlRequests();
  switch (state.phase) {
    case 'starting':
      return <main className="screen screen--center" aria-busy="true"><p className="lead">{t('app.starting')}</p></main>;
    case 'setup':
      return <SetupScreen notice={state.notice} />;
    case 'signing-in':
      return <SigningInScreen method={state.method} deviceCode={state.deviceCode} />;
    case 'choose-calendar':
      return <CalendarChoiceScreen account={state.account} calendars={state.calendars} notice={state.notice} />;
    case 'ready':
      return <HomeScreen signInNeeded={state.signInNeeded !== null} />;
  }
}

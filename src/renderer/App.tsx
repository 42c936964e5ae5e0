import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useIdle, useOpenUrlRequests } from './api/hooks';
import { AmbientScreen } from './screens/AmbientScreen';
import { CalendarChoiceScreen } from './screens/CalendarChoiceScreen';
import { FilesScreen } from './screens/FilesScreen';
import { HomeScreen } from './screens/HomeScreen';
import { PinScreen } from './screens/PinScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SigningInScreen } from './screens/SigningInScreen';

type Overlay = 'none' | 'pin' | 'settings' | 'files';

export function App({ ambientAfterMs }: { ambientAfterMs: number }) {
  const state = useAppState();
  const idle = useIdle(ambientAfterMs);
  const { t } = useTranslation();
  const [overlay, setOverlay] = useState<Overlay>('none');
  const closeOverlay = useCallback(() => setOverlay('none'), []);
  useOpenUrlRequests();
  // Only the home screen dims: setup and settings are in use by a person, and the wake tap must not press a button.
  if (idle && overlay === 'none' && state.phase === 'ready') return <AmbientScreen />;
  if (overlay === 'pin') return <PinScreen onUnlocked={() => setOverlay('settings')} onCancel={closeOverlay} />;
  if (overlay === 'settings') return <SettingsScreen onClose={closeOverlay} />;
  if (overlay === 'files') return <FilesScreen onClose={closeOverlay} />;
  switch (state.phase) {
    case 'starting':
      return <main className="screen screen--center" aria-busy="true"><p className="lead">{t('app.starting')}</p></main>;
    case 'setup':
      return <SetupScreen notice={state.notice} providers={state.providers} />;
    case 'signing-in':
      return <SigningInScreen method={state.method} deviceCode={state.deviceCode} browserUrl={state.browserUrl} />;
    case 'choose-calendar':
      return <CalendarChoiceScreen account={state.account} calendars={state.calendars} notice={state.notice} />;
    case 'ready':
      return <HomeScreen provider={state.account.provider === 'google' ? 'google' : 'microsoft'} signInNeeded={state.signInNeeded !== null} canBook={state.canBook} meetNow={state.meetNow} onSettings={() => setOverlay('pin')} onFiles={() => setOverlay('files')} />;
  }
}

import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useAppState, useIdle, useOpenUrlRequests } from './api/hooks';
import { useRoomSettings } from './components/RoomSettingsControls';
import { AmbientScreen } from './screens/AmbientScreen';
import { CalendarChoiceScreen } from './screens/CalendarChoiceScreen';
import { FilesScreen } from './screens/FilesScreen';
import { HealthScreen } from './screens/HealthScreen';
import { HomeScreen } from './screens/HomeScreen';
import { PinScreen } from './screens/PinScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SigningInScreen } from './screens/SigningInScreen';
import { ConfigureWizard, SetupWizard, WizardFrame, wizardSteps, type WizardStep } from './screens/Wizard';

type Overlay = 'none' | 'pin' | 'settings' | 'health' | 'files';

export function App({ ambientAfterMs }: { ambientAfterMs: number }) {
  const state = useAppState();
  const api = useApi();
  const idle = useIdle(ambientAfterMs);
  const { t } = useTranslation();
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [setupStep, setSetupStep] = useState<WizardStep>('language');
  const closeOverlay = useCallback(() => setOverlay('none'), []);
  const openSettings = useCallback(() => setOverlay('settings'), []);
  const openHealth = useCallback(() => setOverlay('health'), []);
  // Main answers only during the first configuration (or with a PIN session): `view` set means the wizard is on.
  const wizard = useRoomSettings(state.phase, state.phase !== 'ready' && state.phase !== 'starting');
  useOpenUrlRequests();
  // Only the home screen dims: setup and settings are in use by a person, and the wake tap must not press a button.
  if (idle && overlay === 'none' && state.phase === 'ready') return <AmbientScreen />;
  if (overlay === 'pin') return <PinScreen onUnlocked={openSettings} onCancel={closeOverlay} />;
  if (overlay === 'settings') return <SettingsScreen onClose={closeOverlay} onHealth={openHealth} />;
  if (overlay === 'files') return <FilesScreen onClose={closeOverlay} />;
  if (overlay === 'health') return <HealthScreen onBack={openSettings} onClose={closeOverlay} />;
  const view = wizard.view;
  const starting = <main className="screen screen--center" aria-busy="true"><p className="lead">{t('app.starting')}</p></main>;
  switch (state.phase) {
    case 'starting':
      return starting;
    case 'setup':
      return state.firstRun && view ? (
        <SetupWizard view={view} change={wizard.change} notice={state.notice} providers={state.providers} step={setupStep} onStep={setSetupStep} />
      ) : (
        <SetupScreen notice={state.notice} providers={state.providers} />
      );
    case 'signing-in': {
      const screen = <SigningInScreen method={state.method} deviceCode={state.deviceCode} browserUrl={state.browserUrl} />;
      return view ? <WizardFrame steps={wizardSteps(view)} step="account" onBack={() => void api.call('setup.cancelSignIn', {})}>{screen}</WizardFrame> : screen;
    }
    case 'choose-calendar': {
      const screen = <CalendarChoiceScreen account={state.account} calendars={state.calendars} notice={state.notice} />;
      return view ? <WizardFrame steps={wizardSteps(view)} step="calendar" onBack={() => void api.call('setup.back', {})}>{screen}</WizardFrame> : screen;
    }
    case 'configure':
      return view ? <ConfigureWizard view={view} change={wizard.change} /> : starting;
    case 'ready':
      return <HomeScreen provider={state.account.provider === 'google' ? 'google' : 'microsoft'} signInNeeded={state.signInNeeded !== null} canBook={state.canBook} meetNow={state.meetNow} onSettings={() => setOverlay('pin')} onFiles={() => setOverlay('files')} />;
  }
}

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice, RoomProvider, RoomSettingsView } from '../../shared/model';
import { useApi } from '../api/hooks';
import { FeatureSettings } from '../components/FeatureSettings';
import { PinPad } from '../components/PinPad';
import { isManaged, LanguageChoice, PrivacyChoice, TimeZoneChoice, type RoomSettingsChange } from '../components/RoomSettingsControls';
import { SetupScreen } from './SetupScreen';

export type WizardStep = 'language' | 'timeZone' | 'account' | 'calendar' | 'features' | 'privacy' | 'pin' | 'done';
const ORDER: WizardStep[] = ['language', 'timeZone', 'account', 'calendar', 'features', 'privacy', 'pin', 'done'];
const BEFORE_SIGN_IN: WizardStep[] = ['language', 'timeZone', 'account'];
const AFTER_CALENDAR: WizardStep[] = ['features', 'privacy', 'pin', 'done'];

type Change = (c: RoomSettingsChange) => Promise<string | null>;

/** The first configuration's steps, without those IT's policy already decided. */
export function wizardSteps(view: RoomSettingsView): WizardStep[] {
  const preset: Partial<Record<WizardStep, boolean>> = {
    language: isManaged(view, 'language'),
    timeZone: isManaged(view, 'timeZone'),
    calendar: isManaged(view, 'calendar'),
    features: isManaged(view, 'features'),
    privacy: isManaged(view, 'privacy.hideSubjects') && isManaged(view, 'privacy.hideOrganizers'),
    pin: isManaged(view, 'adminPin'),
  };
  return ORDER.filter((step) => !preset[step]);
}

/** The step to show: the asked one, or the next one the policy did not preset. */
function stepAtOrAfter(steps: WizardStep[], within: WizardStep[], wanted: WizardStep): WizardStep {
  const from = ORDER.indexOf(wanted);
  return steps.find((s) => within.includes(s) && ORDER.indexOf(s) >= from) ?? within.at(-1) ?? wanted;
}

function neighbour(steps: WizardStep[], within: WizardStep[], step: WizardStep, by: 1 | -1): WizardStep | undefined {
  const shown = steps.filter((s) => within.includes(s));
  return shown[shown.indexOf(step) + by];
}

/** Progress dots and Back, over whatever screen the step is (some steps are main's own screens). */
export function WizardFrame({ steps, step, onBack, children }: { steps: WizardStep[]; step: WizardStep; onBack?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const index = steps.indexOf(step);
  const progress = t('wizard.progress', { step: index + 1, count: steps.length });
  return (
    <div className="wizard" data-step={step}>
      <nav className="wizard__bar" aria-label={progress}>
        {onBack ? (
          <button type="button" className="button wizard__back" onClick={onBack}>{t('wizard.back')}</button>
        ) : (
          <span className="wizard__back" />
        )}
        <ol className="wizard__dots" aria-hidden="true">
          {steps.map((s, i) => <li key={s} className={`wizard__dot${i < index ? ' wizard__dot--done' : ''}${i === index ? ' wizard__dot--current' : ''}`} />)}
        </ol>
        <span className="wizard__count">{progress}</span>
      </nav>
      {children}
    </div>
  );
}

function StepScreen({ title, lead, next, children }: { title: string; lead: string; next?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="screen wizard__step">
      <h1 className="headline">{title}</h1>
      <p className="lead">{lead}</p>
      <div className="wizard__body">{children}</div>
      {next ? <button type="button" className="button button--primary button--large wizard__next" onClick={next}>{t('wizard.next')}</button> : null}
    </main>
  );
}

/** Before the sign-in: language, time zone check, then the room account (provider, tenant, sign-in). */
export function SetupWizard(props: { view: RoomSettingsView; change: Change; notice: Notice | null; providers: RoomProvider[]; step: WizardStep; onStep: (step: WizardStep) => void }) {
  const { t } = useTranslation();
  const { view, change } = props;
  const steps = wizardSteps(view);
  // A failed or cancelled sign-in comes back with a notice: to the sign-in step, where it is read.
  const step = stepAtOrAfter(steps, BEFORE_SIGN_IN, props.notice ? 'account' : props.step);
  const back = neighbour(steps, BEFORE_SIGN_IN, step, -1);
  const next = neighbour(steps, BEFORE_SIGN_IN, step, 1);
  const go = (to: WizardStep | undefined) => (to ? () => props.onStep(to) : undefined);
  return (
    <WizardFrame steps={steps} step={step} onBack={go(back)}>
      {step === 'language' ? (
        <StepScreen title={t('wizard.language.heading')} lead={t('wizard.language.lead')} next={go(next)}>
          <LanguageChoice view={view} change={change} />
        </StepScreen>
      ) : step === 'timeZone' ? (
        <StepScreen title={t('wizard.timeZone.heading')} lead={t('wizard.timeZone.lead')} next={go(next)}>
          <TimeZoneChoice view={view} change={change} />
        </StepScreen>
      ) : (
        <SetupScreen notice={props.notice} providers={props.providers} tenant={view.tenant} providerManaged={isManaged(view, 'provider')} />
      )}
    </WizardFrame>
  );
}

/** Two entries that must match, so a slip of the finger does not lock the admin out. */
function PinStep({ change, onDone }: { change: Change; onDone: () => void }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const submit = async () => {
    if (first === null) {
      setFirst(pin);
      setPin('');
      return setMessage(null);
    }
    setFirst(null);
    setPin('');
    if (pin !== first) return setMessage(t('wizard.pin.mismatch'));
    const error = await change({ pin });
    if (error) return setMessage(t(`error.${error}`, { defaultValue: t('error.generic') }));
    onDone();
  };
  return (
    <div className="stack">
      {message ? <p className="notice" role="alert">{message}</p> : null}
      <PinPad pin={pin} onChange={setPin} onSubmit={() => void submit()} hint={first === null ? t('wizard.pin.first') : t('wizard.pin.again')} />
    </div>
  );
}

/** After the calendar: features with their scopes and consent, privacy, admin PIN, done. */
export function ConfigureWizard({ view, change }: { view: RoomSettingsView; change: Change }) {
  const { t } = useTranslation();
  const api = useApi();
  const steps = wizardSteps(view);
  const [wanted, setWanted] = useState<WizardStep>('features');
  const step = stepAtOrAfter(steps, AFTER_CALENDAR, wanted);
  const back = neighbour(steps, AFTER_CALENDAR, step, -1);
  const next = neighbour(steps, AFTER_CALENDAR, step, 1);
  const goNext = () => next && setWanted(next);
  // Back from the first of these steps returns to the calendar choice, which main owns.
  const goBack = back ? () => setWanted(back) : steps.includes('calendar') ? () => void api.call('setup.back', {}) : undefined;
  return (
    <WizardFrame steps={steps} step={step} onBack={goBack}>
      {step === 'features' ? (
        <StepScreen title={t('wizard.features.heading')} lead={t('wizard.features.lead')} next={goNext}>
          <FeatureSettings onLocked={noop} only={(p) => p.available} />
        </StepScreen>
      ) : step === 'privacy' ? (
        <StepScreen title={t('wizard.privacy.heading')} lead={t('wizard.privacy.lead')} next={goNext}>
          <PrivacyChoice view={view} change={change} />
        </StepScreen>
      ) : step === 'pin' ? (
        <StepScreen title={t('wizard.pin.heading')} lead={t('wizard.pin.lead')}>
          <PinStep change={change} onDone={goNext} />
        </StepScreen>
      ) : (
        <StepScreen title={t('wizard.done.heading')} lead={t('wizard.done.lead')}>
          <button type="button" className="button button--primary button--large" onClick={() => void api.call('setup.finish', {})}>{t('wizard.done.start')}</button>
        </StepScreen>
      )}
    </WizardFrame>
  );
}

/** The first configuration has no PIN session to lose. */
function noop(): void {}

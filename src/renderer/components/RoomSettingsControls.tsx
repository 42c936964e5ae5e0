import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../shared/api';
import type { Language, ManagedKey, PolicyReport, RoomSettingsView } from '../../shared/model';
import { useApi } from '../api/hooks';
import { formatTime, preferredLanguage } from '../i18n';

export type RoomSettingsChange = CallInput<'settings.setRoom'>;

/**
 * The room's settings from main, re-read after each change (main decides what is in force). `null` while loading
 * or when main refuses (no PIN session, and not the first configuration).
 */
export function useRoomSettings(reloadKey: unknown, enabled: boolean): { view: RoomSettingsView | null; change: (c: RoomSettingsChange) => Promise<string | null> } {
  const api = useApi();
  const [view, setView] = useState<RoomSettingsView | null>(null);
  const reload = useCallback(() => api.call('settings.room', {}).then((r) => setView(r.ok ? r.output : null)), [api]);
  useEffect(() => {
    if (enabled) void reload();
    else setView(null);
  }, [reload, reloadKey, enabled]);
  const change = useCallback(
    async (c: RoomSettingsChange) => {
      const result = await api.call('settings.setRoom', c);
      await reload();
      return result.ok ? null : result.error.code;
    },
    [api, reload],
  );
  return { view, change };
}

export function isManaged(view: RoomSettingsView, key: ManagedKey): boolean {
  return view.managed.includes(key);
}

export function ManagedNote({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? <p className="feature__note">{t('settings.managed')}</p> : null;
}

const LANGUAGES: Language[] = ['en', 'it', 'auto'];

/** Language of the wall; a choice applies on screen at once, so the admin reads the next steps in it. */
export function LanguageChoice({ view, change }: { view: RoomSettingsView; change: (c: RoomSettingsChange) => Promise<string | null> }) {
  const { t, i18n } = useTranslation();
  const managed = isManaged(view, 'language');
  const choose = async (language: Language) => {
    if ((await change({ language })) === null) await i18n.changeLanguage(preferredLanguage(language));
  };
  return (
    <fieldset className="room-setting" data-setting="language" disabled={managed}>
      <legend className="room-setting__name">{t('wizard.language.title')}</legend>
      <div className="option-row">
        {LANGUAGES.map((language) => (
          <button key={language} type="button" className="button button--large option" aria-pressed={view.language === language} onClick={() => void choose(language)}>
            {t(`wizard.language.${language}`)}
          </button>
        ))}
      </div>
      <ManagedNote show={managed} />
    </fieldset>
  );
}

function zones(current: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  return all.includes(current) ? all : [current, ...all];
}

/** The PC's zone and clock next to the room's zone: a wrong PC zone shows here, not as meetings an hour off. */
export function TimeZoneChoice({ view, change }: { view: RoomSettingsView; change: (c: RoomSettingsChange) => Promise<string | null> }) {
  const { t, i18n } = useTranslation();
  const managed = isManaged(view, 'timeZone');
  return (
    <fieldset className="room-setting" data-setting="timeZone" disabled={managed}>
      <legend className="room-setting__name">{t('wizard.timeZone.title')}</legend>
      <p className="lead" data-testid="machine-time">
        {t('wizard.timeZone.machine', { zone: view.machineTimeZone, time: formatTime(view.machineTime, view.machineTimeZone, i18n.language) })}
      </p>
      <label className="room-setting__field">
        <span>{t('wizard.timeZone.room')}</span>
        <select className="select" value={view.timeZone} onChange={(e) => void change({ timeZone: e.target.value })}>
          {zones(view.timeZone).map((zone) => <option key={zone} value={zone}>{zone}</option>)}
        </select>
      </label>
      <p className="muted">{t('wizard.timeZone.roomTime', { time: formatTime(view.machineTime, view.timeZone, i18n.language) })}</p>
      <ManagedNote show={managed} />
    </fieldset>
  );
}

function PrivacySwitch({ view, change, field }: { view: RoomSettingsView; change: (c: RoomSettingsChange) => Promise<string | null>; field: 'hideSubjects' | 'hideOrganizers' }) {
  const { t } = useTranslation();
  const managed = isManaged(view, `privacy.${field}`);
  const on = view.privacy[field];
  const labelId = `privacy-${field}`;
  return (
    <li className="feature" data-setting={`privacy.${field}`}>
      <div className="feature__head">
        <span id={labelId} className="feature__name">{t(`wizard.privacy.${field}`)}</span>
        <button type="button" role="switch" aria-checked={on} aria-labelledby={labelId} className="switch" disabled={managed} onClick={() => void change({ privacy: { [field]: !on } })}>
          <span className="switch__knob" aria-hidden="true" />
          <span className="switch__text">{on ? t('settings.on') : t('settings.off')}</span>
        </button>
      </div>
      <ManagedNote show={managed} />
    </li>
  );
}

export function PrivacyChoice({ view, change }: { view: RoomSettingsView; change: (c: RoomSettingsChange) => Promise<string | null> }) {
  return (
    <ul className="feature-list room-setting">
      <PrivacySwitch view={view} change={change} field="hideSubjects" />
      <PrivacySwitch view={view} change={change} field="hideOrganizers" />
    </ul>
  );
}

/** Locked settings with no control on this screen (they are set only by IT): named, so the admin knows who decides. */
const WITHOUT_CONTROL: ManagedKey[] = ['adminPin', 'provider', 'calendar', 'signInMethod', 'join', 'updateChannel'];

export function OtherManagedSettings({ view }: { view: RoomSettingsView }) {
  const { t } = useTranslation();
  const keys = WITHOUT_CONTROL.filter((key) => isManaged(view, key));
  if (keys.length === 0) return null;
  return (
    <div className="room-setting" data-testid="other-managed">
      <p className="room-setting__name">{t('policy.alsoManaged')}</p>
      <ul className="scopes">
        {keys.map((key) => <li key={key} className="scope scope--none">{t(`policy.key.${key}`)}</li>)}
      </ul>
      <ManagedNote show />
    </div>
  );
}

/** For the admin: whether IT's policy file is in force, and exactly what is wrong with it when it is not. */
export function PolicyStatus({ report }: { report: PolicyReport }) {
  const { t } = useTranslation();
  if (report.status === 'none') return null;
  if (report.status === 'ok') return <p className="muted" data-testid="policy-status">{t('policy.inForce', { path: report.path, version: report.version })}</p>;
  return (
    <div className="notice notice--block" role="alert" data-testid="policy-status">
      <p><strong>{t('policy.bad', { path: report.path })}</strong> {report.inForce === 'last-good' ? t('policy.lastGood') : t('policy.noneInForce')}</p>
      <ul className="policy-problems">
        {report.problems.map((p, i) => (
          <li key={i}>
            <code>{p.field ?? t('policy.file')}</code>
            {p.line ? ` (${t('policy.line', { line: p.line })})` : ''}: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

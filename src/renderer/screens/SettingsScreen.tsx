import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/hooks';
import { FeatureSettings } from '../components/FeatureSettings';
import { LanguageChoice, OtherManagedSettings, PolicyStatus, PrivacyChoice, TimeZoneChoice, useRoomSettings } from '../components/RoomSettingsControls';

/** Settings close by themselves after this long untouched, like the PIN session in main. */
const IDLE_MS = 5 * 60_000;

export function SettingsScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const room = useRoomSettings(null, true);
  const close = () => {
    void api.call('admin.lock', {});
    onClose();
  };
  useEffect(() => {
    let timer = window.setTimeout(close, IDLE_MS);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(close, IDLE_MS);
    };
    window.addEventListener('pointerdown', reset);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', reset);
    };
  });
  return (
    <main className="screen settings">
      <header className="settings__header">
        <h1 className="headline">{t('settings.title')}</h1>
        <button type="button" className="button button--primary" onClick={close}>{t('settings.done')}</button>
      </header>
      {room.view ? <PolicyStatus report={room.view.policy} /> : null}
      {room.view ? (
        <section className="provider-block room-settings" aria-labelledby="room-settings">
          <h2 id="room-settings" className="provider-block__name">{t('settings.room')}</h2>
          <LanguageChoice view={room.view} change={room.change} />
          <TimeZoneChoice view={room.view} change={room.change} />
          <PrivacyChoice view={room.view} change={room.change} />
          <OtherManagedSettings view={room.view} />
        </section>
      ) : null}
      <p className="lead">{t('settings.intro')}</p>
      <FeatureSettings onLocked={onClose} />
    </main>
  );
}

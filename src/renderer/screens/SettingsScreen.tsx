import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_IDLE_MS, useApi, useIdleTimeout } from '../api/hooks';
import { FeatureSettings } from '../components/FeatureSettings';
import { LanguageChoice, OtherManagedSettings, PolicyStatus, PrivacyChoice, TimeZoneChoice, useRoomSettings } from '../components/RoomSettingsControls';

export function SettingsScreen({ onClose, onHealth }: { onClose: () => void; onHealth: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const room = useRoomSettings(null, true);
  const close = useCallback(() => {
    void api.call('admin.lock', {});
    onClose();
  }, [api, onClose]);
  useIdleTimeout(ADMIN_IDLE_MS, close);
  return (
    <main className="screen settings">
      <header className="settings__header">
        <h1 className="headline">{t('settings.title')}</h1>
        <div className="settings__actions">
          <button type="button" className="button" onClick={onHealth}>{t('health.open')}</button>
          <button type="button" className="button button--primary" onClick={close}>{t('settings.done')}</button>
        </div>
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

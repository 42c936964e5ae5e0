import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderView, SettingsView } from '../../shared/model';
import { useApi } from '../api/hooks';
import { ConsentDialog } from './ConsentDialog';
import { FeatureSwitch } from './FeatureSwitch';

function useSettings(onLocked: () => void): SettingsView | null {
  const api = useApi();
  const [view, setView] = useState<SettingsView | null>(null);
  useEffect(() => {
    const off = api.on('settings', setView);
    void api.call('settings.get', {}).then((r) => (r.ok ? setView(r.output) : onLocked()));
    return off;
  }, [api, onLocked]);
  return view;
}

/**
 * Connect, for what is already on (IT's locked features, or only the sign-in), with the exact scopes it will ask
 * for shown before the tap; for a connection that lacks some of them, the same button asks for just those.
 */
function ConnectButton({ provider, busy }: { provider: ProviderView; busy: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const { connection } = provider;
  if (connection.pendingScopes.length === 0 || (provider.isRoomAccount && connection.state !== 'connected')) return null;
  const label = connection.state === 'connected' ? t('settings.askMissing') : t('settings.connect', { provider: provider.name });
  return (
    <div className="provider-block__connect" data-testid={`connect-${provider.provider}`}>
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void api.call('settings.connect', { provider: provider.provider })}>
        {label}
      </button>
      <span className="scopes-label">{t('settings.asksFor')}</span>
      <ul className="scopes" aria-label={t('consent.scopes')}>
        {connection.pendingScopes.map((s) => <li key={s} className="scope">{s}</li>)}
      </ul>
    </div>
  );
}

function ConnectionLine({ provider, busy }: { provider: ProviderView; busy: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const { connection } = provider;
  if (!provider.available) return <p className="provider-block__status muted">{t('settings.notConfigured')}</p>;
  return (
    <>
      <div className="provider-block__status">
        <span data-testid={`connection-${provider.provider}`} data-state={connection.state}>
          {connection.account ? t('settings.connectedAs', { name: connection.account.name, username: connection.account.username }) : t(`settings.connection.${connection.state}`)}
          {provider.isRoomAccount ? ` · ${t('settings.roomAccount')}` : ''}
        </span>
        {connection.state === 'connected' && !provider.isRoomAccount ? (
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => void api.call('settings.disconnect', { provider: provider.provider })}>
            {t('settings.disconnect', { provider: provider.name })}
          </button>
        ) : null}
      </div>
      {connection.state === 'connected' ? (
        <div className="provider-block__connect" data-testid={`granted-${provider.provider}`}>
          <span className="scopes-label">{t('settings.granted')}</span>
          <ul className="scopes" aria-label={t('settings.grantedList')}>
            {[...connection.grantedScopes].sort().map((s) => <li key={s} className="scope">{s}</li>)}
          </ul>
        </div>
      ) : null}
      <ConnectButton provider={provider} busy={busy} />
    </>
  );
}

/**
 * Every provider with its feature switches (scopes, why, how) and the consent dialog while one is asked for: the
 * settings screen and the wizard's features step show the same thing.
 */
export function FeatureSettings({ onLocked, only }: { onLocked: () => void; only?: (provider: ProviderView) => boolean }) {
  const view = useSettings(onLocked);
  const providers = (view?.providers ?? []).filter((p) => only?.(p) ?? true);
  const consentProvider = view?.providers.find((p) => p.provider === view.consent?.provider);
  return (
    <>
      <div className="settings__providers">
        {providers.map((provider) => (
          <section key={provider.provider} className="provider-block" aria-labelledby={`provider-${provider.provider}`} data-provider={provider.provider}>
            <h2 id={`provider-${provider.provider}`} className="provider-block__name">{provider.name}</h2>
            <ConnectionLine provider={provider} busy={view?.consent !== null} />
            <ul className="feature-list">
              {provider.features.map((f) => <FeatureSwitch key={f.id} feature={f} disabled={!provider.available || view?.consent !== null} />)}
            </ul>
          </section>
        ))}
      </div>
      {view?.consent ? <ConsentDialog consent={view.consent} providerName={consentProvider?.name ?? view.consent.provider} /> : null}
    </>
  );
}

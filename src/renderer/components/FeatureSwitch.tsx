import { useTranslation } from 'react-i18next';
import type { FeatureId } from '../../shared/features';
import type { FeatureView } from '../../shared/model';
import { useApi } from '../api/hooks';

/** A feature as a switch, with its scopes, why and how visible before anyone is asked to consent. */
export function FeatureSwitch({ feature, disabled }: { feature: FeatureView; disabled: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const on = feature.state === 'on' || feature.state === 'pending';
  const locked = feature.managed || feature.alwaysOn || disabled || feature.state === 'pending';
  const toggle = () => void api.call('settings.setFeature', { feature: feature.id as FeatureId, enabled: !on });
  const labelId = `feature-${feature.id}`;
  const text = (part: 'feature' | 'why' | 'how') => t(`catalog.${feature.id}.${part}`, { defaultValue: feature[part] });
  return (
    <li className={`feature feature--${feature.state}`} data-feature={feature.id} data-state={feature.state}>
      <div className="feature__head">
        <span id={labelId} className="feature__name">{text('feature')}</span>
        <button type="button" role="switch" aria-checked={on} aria-labelledby={labelId} className="switch" disabled={locked} onClick={toggle}>
          <span className="switch__knob" aria-hidden="true" />
          <span className="switch__text">{on ? t('settings.on') : t('settings.off')}</span>
        </button>
      </div>
      <div className="feature__scopes">
        <span className="scopes-label" aria-hidden="true">{t('settings.permissions')}</span>
        <ul className="scopes" aria-label={t('consent.scopes')}>
          {feature.scopes.length === 0 ? <li className="scope scope--none">{t('settings.noScopes')}</li> : feature.scopes.map((s) => <li key={s} className="scope">{s}</li>)}
        </ul>
      </div>
      <p className="feature__why"><strong>{t('settings.why')}</strong> {text('why')}</p>
      <p className="feature__how"><strong>{t('settings.how')}</strong> {text('how')}</p>
      {feature.managed ? <p className="feature__note">{t('settings.managed')}</p> : null}
      {feature.alwaysOn && !feature.managed ? <p className="feature__note">{t('settings.alwaysOn')}</p> : null}
      {feature.state === 'pending' ? <p className="feature__note">{t('settings.pending')}</p> : null}
      {feature.reason === 'not-granted' ? <p className="feature__note">{t('settings.notGranted')}</p> : null}
      {feature.state === 'refused' ? (
        <p className="feature__note feature__note--refused" role="status">{t(`settings.refused.${feature.reason ?? 'failed'}`, { defaultValue: t('settings.refused.failed') })}</p>
      ) : null}
    </li>
  );
}

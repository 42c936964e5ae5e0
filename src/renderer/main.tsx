import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiContext, BootContext, type BootSnapshot } from './api/hooks';
import { connectApi } from './api/transport';
import { initI18n } from './i18n';
import './styles.css';

const FALLBACK_DISPLAY = { language: 'auto', ambientAfterSeconds: 300 } as const;

async function boot(): Promise<void> {
  const api = connectApi();
  const [display, state, agenda] = await Promise.all([api.call('app.display', {}), api.call('app.state', {}), api.call('agenda.get', {})]);
  const settings = display.ok ? display.output : FALLBACK_DISPLAY;
  const snapshot: BootSnapshot = { state: state.ok ? state.output : { phase: 'starting' }, agenda: agenda.ok ? agenda.output : null };
  await initI18n(settings.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <BootContext.Provider value={snapshot}>
          <App ambientAfterMs={settings.ambientAfterSeconds * 1000} />
        </BootContext.Provider>
      </ApiContext.Provider>
    </StrictMode>,
  );
}

void boot();

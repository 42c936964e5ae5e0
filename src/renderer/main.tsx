import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiContext } from './api/hooks';
import { connectApi } from './api/transport';
import { initI18n } from './i18n';
import './styles.css';

const FALLBACK_DISPLAY = { language: 'auto', ambientAfterSeconds: 300 } as const;

async function boot(): Promise<void> {
  const api = connectApi();
  const display = await api.call('app.display', {});
  const settings = display.ok ? display.output : FALLBACK_DISPLAY;
  await initI18n(settings.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <App ambientAfterMs={settings.ambientAfterSeconds * 1000} />
      </ApiContext.Provider>
    </StrictMode>,
  );
}

void boot();

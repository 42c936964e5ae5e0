import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiContext } from './api/hooks';
import { connectApi } from './api/transport';
import { initI18n } from './i18n';
import './styles.css';

async function boot(): Promise<void> {
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <ApiContext.Provider value={connectApi()}>
        <App />
      </ApiContext.Provider>
    </StrictMode>,
  );
}

void boot();

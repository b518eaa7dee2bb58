import './app/radix-themes.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/offline-cache';
import { initialLanguage, switchLanguage } from './i18n/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

const root = createRoot(container);
// The first screen is already in the reader's language: its strings load before it renders.
void switchLanguage(initialLanguage()).finally(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

registerServiceWorker();

// Entry point of the Rapport web UI: mounts the app into index.html's #root, inside the one query client.
import { StrictMode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { queryClient } from './query-client.ts';
import './styles.css';
import './forms.css';
import './settings.css';
import './help-desk-settings.css';
import './card-edit.css';
import './cases.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

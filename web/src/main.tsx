import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { consumeSignInError, consumeSignInFragment } from './auth/session.ts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/meetings.css';
import './styles/upload.css';
import './styles/meeting.css';
import './styles/tasks.css';
import './styles/admin.css';

consumeSignInFragment();
consumeSignInError();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveLocale } from '../../../shared/i18n/locale.ts';
import { App } from './App.tsx';
import { readBoot } from './boot.ts';
import { BootFailure } from './components/BootFailure.tsx';
import './styles/base.css';
import './styles/card.css';
import './styles/stage.css';
import './styles/form.css';
import './styles/preview.css';

const container = document.getElementById('root');
if (!container) throw new Error('The card page has no #root element');
const boot = readBoot(document);
if (!boot.ok) console.error(`Partner Journey card cannot start: ${boot.reason}`);
createRoot(container).render(
  <StrictMode>{boot.ok ? <App boot={boot.boot} /> : <BootFailure locale={resolveLocale(navigator.language)} />}</StrictMode>,
);

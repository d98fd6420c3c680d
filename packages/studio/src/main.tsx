import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { takeConnectReturn } from './engine/connect-return.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/panels.css';
import './styles/carousel.css';
import './styles/publish.css';

// Read before the studio boots: it cleans the address and names the project to open.
const connectReturn = takeConnectReturn();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App connectReturn={connectReturn} />
  </StrictMode>,
);

import { useState } from 'react';
import { useAppStore } from '../store/appStore.ts';
import { leave } from '../app/hallSession.ts';
import { useT } from '../i18n/useT.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { DisplaySettings } from './DisplaySettings.tsx';
import { ControlsHelp } from './ControlsHelp.tsx';
import { SearchBox } from './guide/SearchBox.tsx';

export function TopBar() {
  const { t } = useT();
  const viewMode = useAppStore((s) => s.viewMode);
  const webglAvailable = useAppStore((s) => s.webglAvailable);
  const setViewMode = useAppStore((s) => s.setViewMode);
  const is3d = viewMode === '3d' && webglAvailable;
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <header className="top-bar">
      <h1 className="brand">{t('app.title')}</h1>
      <ConnectionStatus />
      {/* On a phone the search and the actions fold behind this button; on wider screens it is hidden. */}
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="top-menu"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        {t('hud.menu')}
      </button>
      <div id="top-menu" className={`top-menu${menuOpen ? ' open' : ''}`}>
        <SearchBox compact />
        <div className="top-actions">
          {webglAvailable && (
            <button
              id="view-switch"
              type="button"
              aria-pressed={!is3d}
              onClick={() => setViewMode(is3d ? '2d' : '3d')}
            >
              {is3d ? t('hud.switchTo2d') : t('hud.switchTo3d')}
            </button>
          )}
          <ControlsHelp />
          <DisplaySettings compact />
          <LanguageSelect compact />
          <button type="button" className="leave" onClick={leave}>
            {t('hud.leave')}
          </button>
        </div>
      </div>
    </header>
  );
}

import Taro from '@tarojs/taro';
import { createRoot } from 'react-dom/client';
import { STAFF_TOOLS } from '../packages/staff/tools';
import { atDesk, DESK_QUERY } from './at-desk';
import './desk.scss';

const STAFF_ROOT = '/packages/staff/';
const STAFF_HOME = '/packages/staff/pages/index/index';

/** The page the hash router shows: `#/packages/staff/pages/claims/index?x=1` → its path. */
function currentPath(): string {
  return window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
}

function SideNavigation({ path }: { path: string }) {
  const go = (url: string) => {
    if (url !== path) void Taro.redirectTo({ url });
  };
  return (
    <>
      <button
        type="button"
        className={`desk-nav__home${path === STAFF_HOME ? ' desk-nav__item--current' : ''}`}
        onClick={() => go(STAFF_HOME)}
      >
        工作台
      </button>
      <ul className="desk-nav__list">
        {STAFF_TOOLS.map((tool) => (
          <li key={tool.url}>
            <button
              type="button"
              className={`desk-nav__item${path === tool.url ? ' desk-nav__item--current' : ''}`}
              aria-current={path === tool.url ? 'page' : undefined}
              title={tool.hint}
              onClick={() => go(tool.url)}
            >
              {tool.title}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="desk-nav__back" onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
        返回校友端
      </button>
    </>
  );
}

/**
 * The H5 build's desk layout, started once by app.tsx (the weapp build never loads this
 * file): on a staff page in a window at least 1024 px wide, <html> gets `al-desk` (app.scss:
 * full width, no phone column) and the workbench's side navigation is drawn beside the page.
 * Any other page, or a narrower window, keeps the phone layout. Decided again on every page
 * change (Taro's H5 router event) and window resize.
 */
export function startDeskLayout(): void {
  const element = document.createElement('nav');
  element.className = 'desk-nav';
  element.setAttribute('aria-label', '工作台');
  document.body.appendChild(element);
  const root = createRoot(element);

  const update = () => {
    const path = currentPath();
    const desk = atDesk() && path.startsWith(STAFF_ROOT);
    document.documentElement.classList.toggle('al-desk', desk);
    element.hidden = !desk;
    if (desk) root.render(<SideNavigation path={path} />);
  };
  update();
  // Taro's H5 router announces each page change on its event centre, after the page shows.
  Taro.eventCenter.on('__afterTaroRouterChange', update);
  window.addEventListener('hashchange', update);
  window.matchMedia(DESK_QUERY).addEventListener('change', update);
}

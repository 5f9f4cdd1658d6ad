import type { PropsWithChildren } from 'react';
import './app.scss';

if (process.env.TARO_ENV === 'h5') {
  // Taro's H5 tab bar items are <a href="javascript:;">: following such a link is inline script,
  // which the server's content-security policy refuses (and the browser logs as an error). Taro's
  // own click listener does the navigation; the link's default action is not needed.
  document.addEventListener(
    'click',
    (event) => {
      if ((event.target as Element | null)?.closest?.('a[href^="javascript:"]')) event.preventDefault();
    },
    true,
  );
  // Staff at a desk: the workbench's side navigation and full-width pages (src/desk, a chunk of
  // its own). The weapp build drops this branch and so never contains that code.
  void import('./desk/layout').then(({ startDeskLayout }) => startDeskLayout());
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;

import { useApolloClient, useMutation } from '@apollo/client/react';
import { ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { LogoutDocument } from '../gql/graphql';
import { setSession } from './session';
import { TAB_PATHS, useViewer } from './viewer';

interface MenuItem {
  readonly path: string;
  readonly label: string;
}

/** The menu a role sees: a worker only the tabs the agency enabled (the Viewer's enabledTabs). */
function useMenu(): MenuItem[] {
  const viewer = useViewer();
  const { t } = useTranslation('common');
  const items: MenuItem[] = [];
  if (viewer.role === 'FLEXWORKER') {
    items.push({ path: '/week', label: t('menu.week') });
    for (const tab of viewer.enabledTabs) items.push({ path: TAB_PATHS[tab], label: t(`menu.tab.${tab}`) });
  } else if (viewer.role === 'RELATION_CONTACT') {
    items.push({ path: '/approvals', label: t('menu.approvals') }, { path: '/entry', label: t('menu.entry') });
    if (viewer.enabledTabs.includes('CONTACT')) items.push({ path: '/messages', label: t('menu.messages') });
  } else if (viewer.role === 'AGENCY_STAFF') {
    items.push(
      { path: '/overview', label: t('menu.overview') },
      { path: '/change-requests', label: t('menu.changeRequests') },
      { path: '/messages', label: t('menu.messages') },
    );
  }
  items.push({ path: '/settings', label: t('menu.settings') });
  return items;
}

/** The frame of every logged-in screen: a skip link, the bar with the hamburger menu, the screen. */
export function Layout(props: { children: ReactNode }) {
  const viewer = useViewer();
  const { t } = useTranslation('common');
  const [location, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const client = useApolloClient();
  const [logout, { loading: loggingOut }] = useMutation(LogoutDocument);
  const items = useMenu();

  useEffect(() => setOpen(false), [location]);

  const endSession = async () => {
    try {
      await logout();
    } catch {
      // the session ends here anyway; the server forgets it when it expires
    }
    setSession(null);
    await client.clearStore();
    navigate('/login');
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <button
          ref={button}
          type="button"
          className="hamburger"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((o) => !o)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <span className="hamburger-icon" aria-hidden="true" />
          <span className="visually-hidden">{t('menu.open')}</span>
        </button>
        <span className="brand">{viewer.agencyName}</span>
        <span className="who" title={viewer.displayName}>
          {viewer.displayName}
        </span>
      </header>
      <nav
        id={menuId}
        className={`menu${open ? ' menu-open' : ''}`}
        aria-label={t('menu.label')}
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setOpen(false);
            button.current?.focus();
          }
        }}
      >
        <ul>
          {items.map((item) => (
            <li key={item.path}>
              <Link href={item.path} aria-current={location === item.path || location.startsWith(`${item.path}/`) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
          <li>
            <button type="button" className="menu-logout" onClick={endSession} disabled={loggingOut}>
              {t('menu.logout')}
            </button>
          </li>
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}

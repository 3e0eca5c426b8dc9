import { AppShell } from '@mantine/core';
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import classes from './app-layout.module.css';
import { CompanySwitcher } from './company-switcher.tsx';
import { InLayoutContext } from './in-layout.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { MainNav } from './main-nav.tsx';
import { UserMenu } from './user-menu.tsx';

/** The shell around every page behind the login: name, company, language, user; the page below. */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: { base: 96, md: 60 } }} padding={{ base: 'sm', sm: 'md' }}>
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <div className={classes.header}>
          <Link to="/" className={classes.brand}>
            {t('app.name')}
          </Link>
          <span className={classes.break} aria-hidden />
          <MainNav />
          <div className={classes.company}>
            <CompanySwitcher />
          </div>
          <div className={classes.tools}>
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <InLayoutContext.Provider value={true}>
          <Outlet />
        </InLayoutContext.Provider>
      </AppShell.Main>
    </AppShell>
  );
}

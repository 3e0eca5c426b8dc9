import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  type RouterHistory,
  redirect,
} from '@tanstack/react-router';
import type { ComponentType } from 'react';
import type { Membership } from '../../../contract/organizations.ts';
import type { Me } from '../../../contract/session.ts';
import { canReadOrders, defaultMembership, meQuery, rememberOrg } from '../modules/session/session.api.ts';
import { isApiError } from './api.ts';
import { ErrorPage } from './error-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PendingPage } from './pending-page.tsx';
import { PageTakenOver } from './takeover.ts';

export type RouterContext = { queryClient: QueryClient };

/**
 * A page the server draws (decision 0020): its route is marked for the server, and the page
 * carries `<PageTakenOver />`, whose effect says when the browser's app has taken it over.
 */
function drawnPage<M extends Record<string, unknown>>(importer: () => Promise<M>, name: keyof M & string) {
  // The pages take no props; the router's type for a lazy component is generic over the module.
  const Page = lazyRouteComponent(importer, name) as unknown as ComponentType & {
    preload: () => Promise<void>;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per route when this module loads, as lazyRouteComponent makes its own.
  function Drawn() {
    return (
      <>
        <Page />
        <PageTakenOver />
      </>
    );
  }
  Drawn.preload = Page.preload;
  return { staticData: { drawnOnServer: true }, component: Drawn };
}

/** The inbox's state in the address, so a view can be bookmarked; values are checked by the page. */
export type InboxSearch = {
  view?: string;
  status?: string;
  type?: string;
  q?: string;
  /** A contractor's inbox narrowed to one client, or a client's to one contractor. */
  client?: string;
  contractor?: string;
  /** Only orders on this property of the register (from the property's page). */
  property?: string;
  group?: string;
  sort?: string;
  order?: string;
  page?: number;
};

/** Översikt narrowed: to one client or contractor, one property of the register, or orders past their dates. */
export type OverviewSearch = {
  client?: string | undefined;
  contractor?: string | undefined;
  property?: string | undefined;
  overdue?: 'yes' | undefined;
};

/** An order page may be opened to start a move at once: `?action=done` opens the Utförd dialog. */
export type WorkOrderSearch = { action?: 'done' };

/** A searched, paged register list: the properties, or a property's objects. */
export type RegisterListSearch = { q?: string; page?: number };

/** The CSV page opens on the register named, e.g. from an object page. */
export type RegisterImportSearch = { register?: string };

/** Kvalitet's period and grouping; the page fills in and checks the defaults. */
export type QualitySearch = { from?: string; to?: string; groupBy?: string };

/** Registrera arbetsorder may start from an object of the register (its page links here). */
export type NewWorkOrderSearch = { objectId?: string };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length < 300 ? value : undefined;
}

function pageOf(value: unknown): number | undefined {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : undefined;
}

function parseRegisterListSearch(search: Record<string, unknown>): RegisterListSearch {
  return { q: text(search.q), page: pageOf(search.page) };
}

function parseInboxSearch(search: Record<string, unknown>): InboxSearch {
  return {
    view: text(search.view),
    status: text(search.status),
    type: text(search.type),
    q: text(search.q),
    client: text(search.client),
    contractor: text(search.contractor),
    property: text(search.property),
    group: text(search.group),
    sort: text(search.sort),
    order: text(search.order),
    page: pageOf(search.page),
  };
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/** A same-origin path to go on to after a step, from `?redirect=`; never another site. */
function redirectSearch(search: Record<string, unknown>): { redirect?: string } {
  const target = text(search.redirect);
  return target?.startsWith('/') && !target.startsWith('//') ? { redirect: target } : {};
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: redirectSearch,
  ...drawnPage(() => import('../modules/session/login-page.tsx'), 'LoginPage'),
});

/** The account pages share one lazy chunk. */
const accountPage = (name: keyof typeof import('../modules/account/pages.ts')) =>
  lazyRouteComponent(() => import('../modules/account/pages.ts'), name);

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'glomt-losenord',
  component: accountPage('ForgotPasswordPage'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'aterstall-losenord/$token',
  component: accountPage('ResetPasswordPage'),
});

const confirmEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'bekrafta-epost/$token',
  component: accountPage('ConfirmEmailPage'),
});

/** The steps a session must take before the app (`me.gate`), outside its shell; the pages check the gate. */
const firstLoginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'forsta-inloggningen',
  validateSearch: redirectSearch,
  component: accountPage('FirstLoginPage'),
});

const enrolmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'tvastegsverifiering',
  validateSearch: redirectSearch,
  component: accountPage('EnrolmentPage'),
});

/** Everything behind the login: loads the user once, sends visitors without a session to /login. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    let me: Me;
    try {
      me = await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      // 403: a session still waiting for its second factor; the login page starts over.
      if (isApiError(error, 401) || isApiError(error, 403)) {
        throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
      }
      throw error;
    }
    // A first login or a required enrolment comes before anything else (issue 6 item 4, security.md 5).
    if (me.gate) {
      throw redirect({
        to: me.gate === 'password_change' ? '/forsta-inloggningen' : '/tvastegsverifiering',
        search: location.href === '/' ? {} : { redirect: location.href },
      });
    }
    return { me };
  },
  component: lazyRouteComponent(() => import('./layout/app-layout.tsx'), 'AppLayout'),
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const membership = defaultMembership(context.me);
    // Without work orders in that company (support, operator) the start page is Mina företag.
    if (membership && !canReadOrders(membership)) throw redirect({ to: '/companies' });
    if (membership) throw redirect({ to: '/orgs/$orgId/work-orders', params: { orgId: membership.orgId } });
  },
  component: lazyRouteComponent(() => import('../modules/session/no-company-page.tsx'), 'NoCompanyPage'),
});

const orgRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'orgs/$orgId',
  beforeLoad: ({ context, params }) => {
    const membership = context.me.memberships.find((m) => m.orgId === params.orgId);
    if (membership) rememberOrg(membership.orgId);
    // Pages below render only when the loader has passed, so they always have a membership.
    return { membership: membership as Membership };
  },
  // Not found from the loader, not from beforeLoad: the page then shows inside the app's shell.
  loader: ({ context }) => {
    if (!context.membership) throw notFound();
  },
  notFoundComponent: NotFoundPage,
});

const orgIndexRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/orgs/$orgId/work-orders', params });
  },
});

const inboxRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'work-orders',
  validateSearch: parseInboxSearch,
  // Support users reach support pages only (domain.md): no order list, Mina företag instead.
  beforeLoad: ({ context }) => {
    if (context.membership && !canReadOrders(context.membership)) throw redirect({ to: '/companies' });
  },
  // The page's requests start here, before its code has run (inbox-data.ts). Not keyed by the
  // search (loaderDeps): a new key is a new match, which would hold a filter's change until loaded.
  // Blocking on a return too (not reloaded behind the page the router kept): the loader waits only
  // for a list that a change made here has outdated, which must not show as it was.
  loader: {
    staleReloadMode: 'blocking',
    handler: async ({ context, params, location }) => {
      if (!context.membership) return;
      const { loadInbox } = await import('../modules/work-orders/inbox-data.ts');
      const search = parseInboxSearch(location.search as Record<string, unknown>);
      await loadInbox(context.queryClient, params.orgId, context.membership, search);
    },
  },
  ...drawnPage(() => import('../modules/work-orders/inbox-page.tsx'), 'InboxPage'),
});

const overviewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'overview',
  validateSearch: (search: Record<string, unknown>): OverviewSearch => ({
    client: text(search.client),
    contractor: text(search.contractor),
    property: text(search.property),
    overdue: search.overdue === 'yes' ? 'yes' : undefined,
  }),
  beforeLoad: ({ context }) => {
    if (context.membership && !canReadOrders(context.membership)) throw redirect({ to: '/companies' });
  },
  ...drawnPage(() => import('../modules/work-orders/dashboard-page.tsx'), 'DashboardPage'),
});

const newWorkOrderRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'work-orders/new',
  validateSearch: (search: Record<string, unknown>): NewWorkOrderSearch => ({
    objectId: text(search.objectId),
  }),
  component: lazyRouteComponent(
    () => import('../modules/work-orders/new-work-order-page.tsx'),
    'NewWorkOrderPage',
  ),
});

const workOrderRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'work-orders/$id',
  validateSearch: (search: Record<string, unknown>): WorkOrderSearch =>
    search.action === 'done' ? { action: 'done' } : {},
  loader: async ({ context, params }) => {
    if (!context.membership) return;
    const { loadWorkOrder } = await import('../modules/work-orders/work-order-data.ts');
    loadWorkOrder(context.queryClient, params.orgId, params.id, context.membership);
  },
  ...drawnPage(() => import('../modules/work-orders/work-order-page.tsx'), 'WorkOrderPage'),
});

const registerRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'register',
  validateSearch: parseRegisterListSearch,
  component: lazyRouteComponent(() => import('../modules/register/properties-page.tsx'), 'PropertiesPage'),
});

const propertyRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'register/properties/$propertyId',
  validateSearch: parseRegisterListSearch,
  component: lazyRouteComponent(() => import('../modules/register/property-page.tsx'), 'PropertyPage'),
});

const objectRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'register/objects/$objectId',
  component: lazyRouteComponent(() => import('../modules/register/object-page.tsx'), 'ObjectPage'),
});

const registerImportRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'register/import',
  validateSearch: (search: Record<string, unknown>): RegisterImportSearch => ({
    register: text(search.register),
  }),
  component: lazyRouteComponent(() => import('../modules/register/import-page.tsx'), 'ImportPage'),
});

const agreementsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'agreements',
  component: lazyRouteComponent(() => import('../modules/agreements/agreements-page.tsx'), 'AgreementsPage'),
});

const agreementRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'agreements/$counterpartId',
  component: lazyRouteComponent(() => import('../modules/agreements/agreement-page.tsx'), 'AgreementPage'),
});

const qualityRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'quality',
  validateSearch: (search: Record<string, unknown>): QualitySearch => ({
    from: text(search.from),
    to: text(search.to),
    groupBy: text(search.groupBy),
  }),
  component: lazyRouteComponent(() => import('../modules/quality/quality-page.tsx'), 'QualityPage'),
});

const mailAdminRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'mail',
  component: lazyRouteComponent(
    () => import('../modules/notifications/mail-admin-page.tsx'),
    'MailAdminPage',
  ),
});

const notificationSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/notifications',
  component: lazyRouteComponent(
    () => import('../modules/notifications/notification-settings-page.tsx'),
    'NotificationSettingsPage',
  ),
});

/** The reporter's private link (the server mails PUBLIC_URL/t/<token>): public, outside the app's shell. */
const tenantRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 't/$token',
  component: lazyRouteComponent(() => import('../modules/tenant-links/tenant-page.tsx'), 'TenantPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/account',
  component: accountPage('AccountPage'),
});

const devMailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'dev/mail',
  component: lazyRouteComponent(() => import('../modules/dev-mail/dev-mail-page.tsx'), 'DevMailPage'),
});

/** Lös in inbjudan and the other pages reached from a mailed link: public, outside the app's shell. */
const redeemRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invitations/$token',
  component: lazyRouteComponent(() => import('../modules/invitations/redeem-page.tsx'), 'RedeemPage'),
});

const confirmAddressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invitations/confirm/$token',
  component: lazyRouteComponent(
    () => import('../modules/invitations/confirm-page.tsx'),
    'ConfirmAddressPage',
  ),
});

const accountSetupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'account-setup/$token',
  component: lazyRouteComponent(
    () => import('../modules/operator/account-setup-page.tsx'),
    'AccountSetupPage',
  ),
});

const usersRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'users',
  component: lazyRouteComponent(() => import('../modules/users/users-page.tsx'), 'UsersPage'),
});

/** The audit log's filter and page in the address. */
export type AuditSearch = { action?: string; page?: number };
const parseAuditSearch = (search: Record<string, unknown>): AuditSearch => ({
  action: text(search.action),
  page: pageOf(search.page),
});

const auditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'audit',
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import('../modules/audit/audit-page.tsx'), 'AuditPage'),
});

const inviteContractorRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'contractors/invite',
  component: lazyRouteComponent(
    () => import('../modules/companies/invite-contractor-page.tsx'),
    'InviteContractorPage',
  ),
});

const myCompaniesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'companies',
  component: lazyRouteComponent(
    () => import('../modules/companies/my-companies-page.tsx'),
    'MyCompaniesPage',
  ),
});

const operatorCompaniesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'operator/companies',
  component: lazyRouteComponent(
    () => import('../modules/operator/companies-page.tsx'),
    'OperatorCompaniesPage',
  ),
});

const operatorAuditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'operator/audit',
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import('../modules/audit/audit-page.tsx'), 'OperatorAuditPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  confirmEmailRoute,
  firstLoginRoute,
  enrolmentRoute,
  tenantRoute,
  appRoute.addChildren([
    indexRoute,
    devMailRoute,
    notificationSettingsRoute,
    accountRoute,
    orgRoute.addChildren([
      orgIndexRoute,
      inboxRoute,
      overviewRoute,
      newWorkOrderRoute,
      workOrderRoute,
      registerRoute,
      registerImportRoute,
      propertyRoute,
      objectRoute,
      agreementsRoute,
      agreementRoute,
      qualityRoute,
      mailAdminRoute,
      usersRoute,
      auditRoute,
      inviteContractorRoute,
    ]),
    myCompaniesRoute,
    operatorCompaniesRoute,
    operatorAuditRoute,
  ]),
  redeemRoute,
  confirmAddressRoute,
  accountSetupRoute,
]);

/**
 * The app's router: in the browser on its address bar; on the server (entry-server.tsx) on the one
 * address asked for, without scroll restoration, which there would write a script into the page
 * that the browser's first render does not draw.
 */
export function createAppRouter(queryClient: QueryClient, options: { history?: RouterHistory } = {}) {
  const server = options.history !== undefined;
  return createRouter({
    routeTree,
    context: { queryClient },
    ...(server ? { history: options.history, isServer: true } : {}),
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    defaultPendingComponent: PendingPage,
    scrollRestoration: !server,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

/**
 * Starts downloading the code of the page at this address and of the layouts around it. Left to
 * itself the router fetches it only once the app route's beforeLoad has the session (/api/me),
 * a round trip later — and on a phone each round trip counts.
 */
export function preloadPageCode(router: AppRouter, pathname: string) {
  const [routes] = router.getMatchedRoutes(pathname);
  for (const route of routes) {
    const component = route.options.component as { preload?: () => Promise<void> } | undefined;
    void component?.preload?.().catch(() => {
      // Retried, and reported if it fails again, when the router renders the page.
    });
  }
}

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
  interface StaticDataRouteOption {
    /**
     * The server draws this page (entry-server.tsx, decision 0020): pages that are read first — the
     * inbox, an order, Översikt — and the login page, on a phone the first screen of the day.
     */
    drawnOnServer?: boolean;
  }
}

/** Whether the server draws the page at this path (the route that matches it says). */
export function isDrawnOnServer(router: AppRouter, pathname: string): boolean {
  const [, , found] = router.getMatchedRoutes(pathname);
  return found?.options.staticData?.drawnOnServer === true;
}

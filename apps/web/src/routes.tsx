import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useSession } from './auth/session';
import AppLayout from './layout/AppLayout';
import { RoleGate } from './auth/RoleGate';
import { referenceQueryOptions } from './components/reference-query';
import { searchQueryOptionsFromUrl } from './pages/search/search-query';
import { queryClient } from './query-client';

/** Each page is its own chunk: the home page does not load the editor, the search page not the charts. */
const page = (load: () => Promise<{ default: ComponentType }>) => {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
      <Page />
    </Suspense>
  );
};

/** Pages for signed-in people: others go to the sign-in page and come back after. */
function SignedIn({ children }: { children: ReactNode }) {
  const { ready, me } = useSession();
  const location = useLocation();
  if (!ready) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

const signedIn = (load: () => Promise<{ default: ComponentType }>) => <SignedIn>{page(load)}</SignedIn>;
const bureau = (load: () => Promise<{ default: ComponentType }>) => <RoleGate role="bureau">{page(load)}</RoleGate>;
const expert = (load: () => Promise<{ default: ComponentType }>) => <RoleGate role="expert">{page(load)}</RoleGate>;

// Paths match the links in notifications and e-mails (the API's paths without /api).
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: page(() => import('./pages/home/HomePage')) },
      {
        path: '/search',
        element: page(() => import('./pages/search/SearchPage')),
        // Ask for the hits and the filters' reference while the page's code is still loading.
        loader: ({ request }) => {
          void queryClient.prefetchQuery(searchQueryOptionsFromUrl(new URL(request.url).searchParams));
          void queryClient.prefetchQuery(referenceQueryOptions);
          return null;
        },
      },
      { path: '/login', element: page(() => import('./pages/auth/LoginPage')) },
      { path: '/register', element: page(() => import('./pages/auth/RegisterPage')) },
      { path: '/password/forgot', element: page(() => import('./pages/auth/ForgotPasswordPage')) },
      { path: '/password/reset', element: page(() => import('./pages/auth/ResetPasswordPage')) },
      { path: '/email/verify', element: page(() => import('./pages/auth/VerifyEmailPage')) },
      { path: '/invitation', element: page(() => import('./pages/auth/AcceptInvitationPage')) },
      { path: '/account', element: signedIn(() => import('./pages/account/AccountPage')) },
      { path: '/needs/:id', element: page(() => import('./pages/catalog/NeedPage')) },
      { path: '/results/:id', element: page(() => import('./pages/catalog/ResultPage')) },
      { path: '/needs/:id/edit', element: signedIn(() => import('./pages/catalog/NeedEditPage')) },
      { path: '/results/:id/edit', element: signedIn(() => import('./pages/catalog/ResultEditPage')) },
      { path: '/my/needs/new', element: signedIn(() => import('./pages/catalog/NeedEditPage')) },
      { path: '/my/results/new', element: signedIn(() => import('./pages/catalog/ResultEditPage')) },
      { path: '/my/needs', element: signedIn(() => import('./pages/catalog/MyNeedsPage')) },
      { path: '/my/results', element: signedIn(() => import('./pages/catalog/MyResultsPage')) },
      { path: '/needs/:id/matches', element: signedIn(() => import('./pages/matching/NeedMatchesPage')) },
      { path: '/results/:id/matches', element: signedIn(() => import('./pages/matching/ResultMatchesPage')) },
      { path: '/engagements', element: signedIn(() => import('./pages/matching/EngagementsPage')) },
      { path: '/engagements/:id', element: signedIn(() => import('./pages/matching/EngagementPage')) },
      { path: '/my/adoptions', element: signedIn(() => import('./pages/catalog/MyAdoptionsPage')) },
      { path: '/adoptions/:id', element: signedIn(() => import('./pages/catalog/AdoptionPage')) },
      { path: '/my/organization', element: signedIn(() => import('./pages/org/MyOrganizationPage')) },
      { path: '/organizations/:id', element: page(() => import('./pages/org/OrganizationPage')) },
      { path: '/notifications', element: signedIn(() => import('./pages/notify/InboxPage')) },
      { path: '/notifications/preferences', element: signedIn(() => import('./pages/notify/PreferencesPage')) },
      { path: '/webhooks', element: signedIn(() => import('./pages/notify/WebhooksPage')) },
      { path: '/challenges', element: page(() => import('./pages/challenges/ChallengeListPage')) },
      { path: '/challenges/:id', element: page(() => import('./pages/challenges/ChallengePage')) },
      { path: '/challenges/:id/milestones', element: page(() => import('./pages/challenges/ChallengePage')) },
      { path: '/challenges/:id/objections', element: page(() => import('./pages/challenges/ChallengePage')) },
      { path: '/challenges/:id/proposal', element: signedIn(() => import('./pages/challenges/ProposalPage')) },
      { path: '/proposals/:id', element: signedIn(() => import('./pages/challenges/ProposalPage')) },
      // The bureau's console and the experts' workspace.
      { path: '/bureau', element: bureau(() => import('./pages/bureau/BureauDashboardPage')) },
      { path: '/bureau/review', element: bureau(() => import('./pages/bureau/ReviewQueuesPage')) },
      { path: '/bureau/contracts', element: bureau(() => import('./pages/bureau/ContractQueuePage')) },
      { path: '/bureau/organizations', element: bureau(() => import('./pages/bureau/OrganizationsAdminPage')) },
      { path: '/bureau/catalog-io', element: bureau(() => import('./pages/bureau/CatalogIoPage')) },
      { path: '/bureau/experts', element: bureau(() => import('./pages/bureau/ExpertPoolPage')) },
      { path: '/bureau/challenges', element: bureau(() => import('./pages/bureau/BureauChallengesPage')) },
      { path: '/bureau/challenges/new', element: bureau(() => import('./pages/bureau/ChallengeEditPage')) },
      { path: '/bureau/challenges/:id/edit', element: bureau(() => import('./pages/bureau/ChallengeEditPage')) },
      { path: '/bureau/challenges/:id', element: bureau(() => import('./pages/bureau/ChallengeManagePage')) },
      { path: '/expert', element: expert(() => import('./pages/expert/ExpertReviewsPage')) },
      { path: '/expert/proposals/:id', element: expert(() => import('./pages/expert/ExpertReviewPage')) },
      { path: '*', element: page(() => import('./pages/NotFoundPage')) },
    ],
  },
]);

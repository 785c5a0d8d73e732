// The dashboard's pages loaded when first opened: their chart library is large, and agents never need it.
import { lazy, Suspense } from 'react';
import { Loading } from '../components/ErrorAlert.tsx';

const DashboardPage = lazy(() => import('./Dashboard.tsx').then((module) => ({ default: module.Dashboard })));
const DrillPage = lazy(() => import('./MetricDrill.tsx').then((module) => ({ default: module.MetricDrill })));

export function Dashboard() {
  return (
    <Suspense fallback={<Loading label="Loading the dashboard…" />}>
      <DashboardPage />
    </Suspense>
  );
}

export function MetricDrill() {
  return (
    <Suspense fallback={<Loading label="Loading…" />}>
      <DrillPage />
    </Suspense>
  );
}

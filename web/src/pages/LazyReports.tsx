// The report pages with charts, loaded when first opened: their chart library (recharts) is large, and agents, who
// never open them, should not download it.
import { type ComponentType, type JSX, lazy, Suspense } from 'react';
import { Loading } from '../components/ErrorAlert.tsx';

function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>, label: string): (props: P) => JSX.Element {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return (props: P) => (
    <Suspense fallback={<Loading label={label} />}>
      <Page {...props} />
    </Suspense>
  );
}

export const Dashboard = lazyPage(() => import('./Dashboard.tsx').then((m) => m.Dashboard), 'Loading the dashboard…');
export const MetricDrill = lazyPage(() => import('./MetricDrill.tsx').then((m) => m.MetricDrill), 'Loading…');
export const Churn = lazyPage(() => import('./Churn.tsx').then((m) => m.Churn), 'Loading retention…');
export const JourneyMap = lazyPage(() => import('./JourneyMap.tsx').then((m) => m.JourneyMap), 'Loading the journey…');

// How a survey's scores spread over its scale in the period, as bars coloured by what each score says (detractor,
// passive, promoter…), with the same figures as a table for screen readers and for copying.
import { useId } from 'react';
import type { ScoreCount } from '../../api/types.ts';
import { bandLabelOf, distributionChartData } from '../../surveys/distribution.ts';
import { KIND_NAMES, type ScoredKind } from '../../surveys/scales.ts';
import { ChartLegend, StackedBars } from '../StackedBars.tsx';

const count = new Intl.NumberFormat('en');

export function ScoreDistribution({ kind, distribution }: { kind: ScoredKind; distribution: readonly ScoreCount[] }) {
  const data = distributionChartData(kind, distribution);
  const id = useId();
  const title = `${KIND_NAMES[kind]} scores: responses per score`;
  const answered = data.stacks.filter((stack) => stack.total > 0);
  const words = answered
    .map((stack) => `${stack.label}: ${count.format(stack.total)} ${stack.total === 1 ? 'response' : 'responses'}`)
    .join(', ');
  return (
    <figure className="score-distribution" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="visually-hidden">
        {title}
      </figcaption>
      <ChartLegend data={data} />
      <StackedBars
        data={data}
        maxLabels={data.stacks.length}
        label={`${title}. ${words ? `${words}.` : 'No scores.'} The figures are in the table after the chart.`}
      />
      <details className="chart-figures">
        <summary>Show the figures as a table</summary>
        <div className="table-scroll">
          <table className="data-table chart-figures-table" data-testid="score-distribution-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col">Says</th>
                <th scope="col" className="number">
                  Responses
                </th>
              </tr>
            </thead>
            <tbody>
              {data.stacks.map((stack) => (
                <tr key={stack.start}>
                  <th scope="row">{stack.label}</th>
                  <td>{bandLabelOf(kind, Number(stack.label))}</td>
                  <td className="number">{count.format(stack.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

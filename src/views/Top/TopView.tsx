import { useEffect, useState } from 'react';
import { scaledLabel, percentage } from '../../core/format/units';
import { useViewQuery } from '../../store/query';
import { worker } from '../../worker/client';
import type { TopResult } from '../../worker/top';

export default function TopView() {
  const query = useViewQuery();
  const [result, setResult] = useState<TopResult | null>(null);
  useEffect(() => {
    if (!query) return;
    let live = true;
    worker.top(query).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [query]);
  if (!result) return null;
  const fmt = (v: number) => scaledLabel(v, result.sampleUnit, 'minimum');
  return (
    <table className="top-table">
      <thead>
        <tr>
          <th>Flat</th>
          <th>Flat%</th>
          <th>Cum</th>
          <th>Cum%</th>
          <th>Name</th>
        </tr>
      </thead>
      <tbody>
        {result.rows.map((r) => (
          <tr key={r.key}>
            <td>{fmt(r.flat)}</td>
            <td>{percentage(r.flat, result.total)}</td>
            <td>{fmt(r.cum)}</td>
            <td>{percentage(r.cum, result.total)}</td>
            <td>{r.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
